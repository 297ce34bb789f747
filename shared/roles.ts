import * as v from 'valibot';

export const roles = ['admin', 'committee', 'resident'] as const;
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
}

/** Admins and committee members act for their party. */
export function isCommittee(member: Pick<Member, 'role'>): boolean {
  return member.role === 'admin' || member.role === 'committee';
}
