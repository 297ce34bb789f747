import type { MemberRow, RemovalRefusal, RoleRefusal } from './Storage.ts';

/** The roles an admin can give a member: a committee member becomes an admin, an admin steps back. */
export type GivenRole = 'admin' | 'committee';

type Standing = Pick<MemberRow, 'memberId' | 'compoundId' | 'role' | 'revokedAt'>;

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
 * Why `actor` cannot remove `member`, or undefined when they can, read as `roleRefusal` reads (same
 * lock or transaction). An active admin is stepped down under its guard; a member removed already is
 * no refusal (the removal is answered as done).
 */
export function removalRefusal(
  member: Standing | undefined,
  otherAdmins: number,
  actor: Standing | undefined,
): RemovalRefusal | undefined {
  if (!actor || actor.revokedAt !== null || actor.role !== 'admin') return 'not_admin';
  if (!member || member.compoundId !== actor.compoundId) return 'not_found';
  if (member.memberId === actor.memberId) return 'self';
  if (member.revokedAt !== null || member.role !== 'admin') return undefined;
  // The actor, another active admin, is among the others; kept as the guard stepping back has.
  return otherAdmins === 0 ? 'last_admin' : undefined;
}
