import type { Member } from '../../../shared/roles.ts';

const member = (memberId: string, role: Member['role'], party: Member['party']): Member => ({
  memberId,
  compoundId: 'c1',
  name: memberId,
  role,
  party,
});

/** One member of each kind the rules tell apart. */
export const admin = member('admin1', 'admin', 'community');
export const community = member('comm1', 'committee', 'community');
export const owners = member('own1', 'committee', 'owners');
export const property = member('prop1', 'committee', 'property');
export const resident = member('res1', 'resident', 'none');
export const resident2 = member('res2', 'resident', 'none');
export const resident3 = member('res3', 'resident', 'none');
/** A partner unit's member (共建单位): the needs board only. */
export const partner: Member = { ...member('part1', 'partner', 'none'), unit: '惠民药房' };
