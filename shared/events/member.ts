import * as v from 'valibot';
import { MemberPartySchema, RoleSchema } from '../roles.ts';
import { defineEvent, Line, MemberId } from './envelope.ts';

/** Written by the server only, into the `members` document. */
export const MemberJoined = defineEvent('member.joined', {
  memberId: MemberId,
  name: Line(60),
  role: RoleSchema,
  party: MemberPartySchema,
  /** Whose invite they joined with; absent for a compound's founder and in events written before it was kept. */
  invitedBy: v.optional(MemberId),
  /** A partner's unit (共建单位). */
  unit: v.optional(Line(100)),
});
export type MemberJoinedEvent = v.InferOutput<typeof MemberJoined>;

export const MemberRevoked = defineEvent('member.revoked', {
  memberId: MemberId,
});
export type MemberRevokedEvent = v.InferOutput<typeof MemberRevoked>;

/**
 * An admin made a committee member an admin too, or an admin a committee member again (handing the
 * role over, or stepping down): `by` is the admin who did it. A compound always keeps an admin.
 */
export const MemberRoleChanged = defineEvent('member.role-changed', {
  memberId: MemberId,
  role: v.picklist(['admin', 'committee']),
});
export type MemberRoleChangedEvent = v.InferOutput<typeof MemberRoleChanged>;

export const memberEvents = [MemberJoined, MemberRevoked, MemberRoleChanged] as const;

/** An event only the server writes (the `members` document refuses them from phones). */
export type ServerEvent = MemberJoinedEvent | MemberRevokedEvent | MemberRoleChangedEvent;

/** A `member.joined` event: the member joined by themselves, so `by` is the new member. */
export function memberJoined(e: Omit<MemberJoinedEvent, 'type' | 'by'>): MemberJoinedEvent {
  return {
    id: e.id,
    type: 'member.joined',
    at: e.at,
    by: e.memberId,
    memberId: e.memberId,
    name: e.name,
    role: e.role,
    party: e.party,
    // Left out rather than undefined: Yjs would keep an `undefined` field.
    ...(e.invitedBy !== undefined ? { invitedBy: e.invitedBy } : {}),
    ...(e.unit !== undefined ? { unit: e.unit } : {}),
  };
}

/** A `member.revoked` event: admin `by` removed `memberId`. */
export function memberRevoked(e: Omit<MemberRevokedEvent, 'type'>): MemberRevokedEvent {
  return { id: e.id, type: 'member.revoked', at: e.at, by: e.by, memberId: e.memberId };
}

/** A `member.role-changed` event: admin `by` gave `memberId` the role. */
export function memberRoleChanged(e: Omit<MemberRoleChangedEvent, 'type'>): MemberRoleChangedEvent {
  return { id: e.id, type: 'member.role-changed', at: e.at, by: e.by, memberId: e.memberId, role: e.role };
}
