import type { MemberRow, RoleRefusal } from './Storage.ts';

/** The roles an admin can give a member: a committee member becomes an admin, an admin steps back. */
export type GivenRole = 'admin' | 'committee';

type Standing = Pick<MemberRow, 'compoundId' | 'role' | 'revokedAt'>;

/**
 * Why `member` cannot be given `role` by `actor`, or undefined when it can: one order of checks on
 * every storage. The actor and `otherAdmins` (the compound's active admins besides the member) are
 * read under the same lock or transaction as the change: two admins stepping down at once leave
 * one of them, and an admin who lost the role a moment ago no longer gives or takes it.
 */
export function roleRefusal(
  member: Standing | undefined,
  role: GivenRole,
  otherAdmins: number,
  actor: Standing | undefined,
): RoleRefusal | undefined {
  if (!actor || actor.revokedAt !== null || actor.role !== 'admin') return 'not_admin';
  if (!member || member.revokedAt !== null || member.compoundId !== actor.compoundId) return 'not_found';
  if (member.role !== 'admin' && member.role !== 'committee') return 'not_committee';
  if (member.role === 'admin' && role !== 'admin' && otherAdmins === 0) return 'last_admin';
  return undefined;
}

/**
 * SQL for an UPDATE of `members`: the member given by `param` is an active admin of the updated row's
 * compound, read in the same statement as the change.
 */
export const byAdmin = (param: string) => `EXISTS (SELECT 1 FROM members actor WHERE actor.member_id = ${param}
  AND actor.compound_id = members.compound_id AND actor.role = 'admin' AND actor.revoked_at IS NULL)`;
