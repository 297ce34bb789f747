import * as v from 'valibot';
import { RejectReason, RuleError } from '../errors.ts';
import type { AppEvent, EventType } from '../events/index.ts';
import { schemaOf } from '../events/index.ts';
import type { Member } from '../roles.ts';
import { isCommittee } from '../roles.ts';
import type { DocKind } from '../rooms.ts';
import { exhaustive } from '../rooms.ts';

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

/** Events a member records for themself; committee members may record them for someone else (paper sign-up). */
const selfOrCommittee = (event: { memberId: string }, member: Member): string | undefined =>
  event.memberId === member.memberId || isCommittee(member) ? undefined : 'only for yourself';

/** Only a member of party P records P's approval, refusal or sign-off. */
const ownParty = (event: { party: string }, member: Member): string | undefined =>
  event.party === member.party ? undefined : `only a member of ${event.party} may act for it`;

/**
 * The permission table: which role and party may append which event type to which document.
 * `check` sees the event and the member only, never the log: rules that need state (only the
 * raiser withdraws, no second decision, paid only after three approvals) are the folds' anomalies.
 */
export const permissions: PermissionTable = {
  'request.raised': { doc: 'public', who: 'member' },
  'request.edited': {
    doc: 'public',
    who: 'member',
    check: (e) =>
      [e.title, e.detail, e.location, e.photos, e.building].some((f) => f !== undefined)
        ? undefined
        : 'an edit must change something',
  },
  'request.classified': { doc: 'public', who: 'committee' },
  'request.merged': {
    doc: 'public',
    who: 'committee',
    check: (e) => (e.requestId === e.intoId ? 'a request cannot merge into itself' : undefined),
  },
  'request.scheduled': { doc: 'public', who: 'committee' },
  'request.tallied': { doc: 'public', who: 'committee' },
  'request.voted': { doc: 'public', who: 'member' },
  'request.decided': { doc: 'public', who: 'committee' },
  'request.confirmed': {
    doc: 'public',
    who: 'member',
    check: (e, m) => (e.onPaper && !isCommittee(m) ? 'only a recorder enters a paper confirmation' : undefined),
  },
  'request.assigned': { doc: 'public', who: 'committee' },
  'request.progressed': { doc: 'public', who: 'committee' },
  'request.escalated': {
    doc: 'public',
    who: 'committee',
    check: (e) =>
      (e.to === 'department') === (e.department !== undefined) ? undefined : 'a department, and only it, needs a name',
  },
  'request.answered': { doc: 'public', who: 'committee' },
  'request.completed': { doc: 'public', who: 'committee' },
  'request.rated': { doc: 'public', who: 'member' },
  'request.reopened': { doc: 'public', who: 'committee' },
  'request.withdrawn': { doc: 'public', who: 'member' },

  'roster.team.created': { doc: 'public', who: 'committee' },
  'roster.team.edited': { doc: 'public', who: 'committee' },
  'roster.duty.created': {
    doc: 'public',
    who: 'committee',
    check: (e) => (e.end > e.start ? undefined : 'a duty must end after it starts'),
  },
  'roster.duty.cancelled': { doc: 'public', who: 'committee' },
  'roster.signed-up': { doc: 'public', who: 'member', check: selfOrCommittee },
  'roster.withdrew': { doc: 'public', who: 'member', check: selfOrCommittee },
  'roster.checked-in': { doc: 'public', who: 'member', check: selfOrCommittee },
  'roster.checked-out': { doc: 'public', who: 'member', check: selfOrCommittee },

  'care.household.registered': { doc: 'committee', who: 'committee' },
  'care.visit.logged': { doc: 'committee', who: 'committee' },
  'care.household.closed': { doc: 'committee', who: 'committee' },

  'points.rule.defined': {
    doc: 'public',
    who: 'committee',
    check: (e) => (e.points === 0 ? 'a rule is worth some points' : undefined),
  },
  'points.awarded': {
    doc: 'public',
    who: 'committee',
    check: (e) =>
      (e.ruleId === undefined) === (e.amount === undefined)
        ? 'an award names a rule or an amount, not both'
        : e.amount === 0
          ? 'an award of nothing'
          : undefined,
  },
  'points.goods.listed': { doc: 'public', who: 'committee' },
  'points.goods.restocked': { doc: 'public', who: 'committee' },
  'points.redeemed': { doc: 'public', who: 'committee' },
  'points.corrected': { doc: 'public', who: 'committee' },

  'ledger.fund.opened': { doc: 'public', who: 'committee' },
  'ledger.income.recorded': { doc: 'public', who: 'committee' },
  'ledger.expense.proposed': { doc: 'public', who: 'committee' },
  'ledger.expense.approved': { doc: 'public', who: 'committee', check: ownParty },
  'ledger.expense.refused': { doc: 'public', who: 'committee', check: ownParty },
  'ledger.expense.paid': { doc: 'public', who: 'committee' },
  'ledger.reversed': { doc: 'public', who: 'committee' },

  'practice.profile.registered': {
    doc: 'public',
    who: 'member',
    check: (e, m) => selfOrCommittee(e, m) ?? (new Set(e.tags).size === e.tags.length ? undefined : 'a tag twice'),
  },
  'practice.published': {
    doc: 'public',
    who: 'committee',
    check: (e) =>
      (e.requestId === undefined) === (e.wish === undefined)
        ? 'publish a request or a micro-wish, not both'
        : undefined,
  },
  'practice.claimed': { doc: 'public', who: 'member' },
  'practice.reported': { doc: 'public', who: 'member' },
  'practice.accepted': { doc: 'public', who: 'committee' },

  'meeting.scheduled': { doc: 'public', who: 'committee' },
  'meeting.cancelled': { doc: 'public', who: 'committee' },

  'minutes.signed-in': { doc: 'minutes', who: 'committee' },
  'minutes.item.taken-up': { doc: 'minutes', who: 'committee' },
  'minutes.decision.recorded': { doc: 'minutes', who: 'committee' },
  'minutes.action.created': { doc: 'minutes', who: 'committee' },
  'minutes.signed-off': { doc: 'minutes', who: 'committee', check: ownParty },
  'minutes.amended': { doc: 'minutes', who: 'committee' },

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
    default:
      return exhaustive(who);
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
