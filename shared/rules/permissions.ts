import * as v from 'valibot';
import { RejectReason, RuleError } from '../errors.ts';
import type { AppEvent, EventType } from '../events/index.ts';
import { schemaOf } from '../events/index.ts';
import type { Member } from '../roles.ts';
import { isCommittee } from '../roles.ts';
import type { DocKind } from '../rooms.ts';

/** Who may append: any member, admins and committee members, admins only, or the server alone. */
export type Who = 'member' | 'committee' | 'admin' | 'server';

export interface Permission<E = AppEvent> {
  /** The document kind the event belongs in. */
  doc: DocKind;
  who: Who;
  /** A payload rule, e.g. only a member of party P records P's approval; returns why not. */
  check?: (event: E, member: Member) => string | undefined;
}

type PermissionTable = { [T in EventType]: Permission<Extract<AppEvent, { type: T }>> };

/** The permission table: which role and party may append which event type to which document. */
export const permissions: PermissionTable = {
  'request.raised': { doc: 'public', who: 'member' },
  'member.joined': { doc: 'members', who: 'server' },
  'member.revoked': { doc: 'members', who: 'server' },
};

function whoAllows(who: Who, member: Member): boolean {
  switch (who) {
    case 'member':
      return true;
    case 'committee':
      return isCommittee(member);
    case 'admin':
      return member.role === 'admin';
    case 'server':
      return false;
  }
}

/**
 * Checks one event a member wants to append to a document of `kind`.
 * Throws a RuleError with the reason if it is refused; returns the parsed event otherwise.
 * Used by the relay on every inserted event and by the client before writing.
 */
export function checkEvent(json: unknown, member: Member, kind: DocKind): AppEvent {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' ? schemaOf(type) : undefined;
  if (!schema || typeof type !== 'string') throw new RuleError(RejectReason.UnknownType, String(type));
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new RuleError(RejectReason.Schema, `${type}${path ? ` ${path}` : ''}: ${issue?.message ?? 'invalid'}`);
  }
  const event = parsed.output as AppEvent;
  if (event.by !== member.memberId) throw new RuleError(RejectReason.ForgedAuthor, `${type} by ${event.by}`);
  const rule = permissions[event.type as EventType] as Permission;
  if (rule.doc !== kind) throw new RuleError(RejectReason.WrongDocument, `${type} belongs in ${rule.doc}`);
  if (!whoAllows(rule.who, member)) throw new RuleError(RejectReason.NotPermitted, `${type} needs ${rule.who}`);
  const why = rule.check?.(event, member);
  if (why) throw new RuleError(RejectReason.NotPermitted, `${type}: ${why}`);
  return event;
}

/** True if the member may append this type at all (for hiding buttons). */
export function mayAppend(type: EventType, member: Member): boolean {
  return whoAllows(permissions[type].who, member);
}
