import type { MemberRow, RoleRefusal } from './Storage.ts';

/** The roles an admin can give a member: a committee member becomes an admin, an admin steps back. */
export type GivenRole = 'admin' | 'committee';

/**
 * Why `member` cannot be given `role`, or undefined when it can: one order of checks on every
 * storage. `otherAdmins` counts the compound's active admins besides the member, read under the
 * same lock or transaction as the change, so two admins stepping down at once leave one of them.
 */
export function roleRefusal(
  member: Pick<MemberRow, 'role' | 'revokedAt'> | undefined,
  role: GivenRole,
  otherAdmins: number,
): RoleRefusal | undefined {
  if (!member || member.revokedAt !== null) return 'not_found';
  if (member.role !== 'admin' && member.role !== 'committee') return 'not_committee';
  if (member.role === 'admin' && role !== 'admin' && otherAdmins === 0) return 'last_admin';
  return undefined;
}
