import * as v from 'valibot';

/** A `partner` belongs to a partner unit (共建单位) and sees only the needs board. */
export const roles = ['admin', 'committee', 'resident', 'partner'] as const;
export type Role = (typeof roles)[number];
export const RoleSchema = v.picklist(roles);

/** The three parties that co-govern a compound; residents belong to none. */
export const parties = ['community', 'owners', 'property'] as const;
export type Party = (typeof parties)[number];
export const PartySchema = v.picklist(parties);
export type MemberParty = Party | 'none';
export const MemberPartySchema = v.union([PartySchema, v.literal('none')]);

/** An authenticated member as the relay and the API see them. */
export interface Member {
  memberId: string;
  compoundId: string;
  name: string;
  role: Role;
  party: MemberParty;
  /** The partner unit (共建单位) a `partner` belongs to; absent for everyone else. */
  unit?: string;
}

/** Admins and committee members act for their party. */
export function isCommittee(member: Pick<Member, 'role'>): boolean {
  return member.role === 'admin' || member.role === 'committee';
}

/** Partner-unit members: they read and write the needs document only. */
export function isPartner(member: Pick<Member, 'role'>): boolean {
  return member.role === 'partner';
}
