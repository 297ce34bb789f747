/** An owners' committee member of compound c1, joined at `now`, as storage keeps them. */
export const ownersMember = (memberId: string, role: 'admin' | 'committee', now: number) => ({
  memberId,
  compoundId: 'c1',
  name: memberId,
  role,
  party: 'owners' as const,
  joinedAt: now,
  revokedAt: null,
});
