import { describe, expect, it } from 'vitest';
import { assemblyQuorum, ownerGroups } from '../../shared/folds/assemblyQuorum.ts';
import { registeredUnit } from './support/units.ts';

const unit = registeredUnit;
const member = (memberId: string) => ({ memberId, party: 'none' as const });

describe("an owners' assembly's participation (Civil Code art. 278)", () => {
  it('meets both thresholds at exactly two thirds of the area and of the owners', () => {
    const units = [
      unit('101', 10000, { memberId: 'a' }),
      unit('102', 10000, { memberId: 'b' }),
      unit('103', 10000, { memberId: 'c' }),
    ];
    const q = assemblyQuorum(units, [member('a'), member('b')]);
    expect(q).toEqual({
      totalArea: 30000,
      presentArea: 20000,
      totalOwners: 3,
      presentOwners: 2,
      areaMet: true,
      ownersMet: true,
      met: true,
    });
  });

  it('misses the area threshold by one hundredth of a m² below two thirds', () => {
    const units = [
      unit('101', 10000, { memberId: 'a' }),
      unit('102', 10000, { memberId: 'b' }),
      unit('103', 10001, { memberId: 'c' }),
    ];
    const q = assemblyQuorum(units, [member('a'), member('b')]);
    expect([q.areaMet, q.ownersMet, q.met]).toEqual([false, true, false]);
  });

  it('is not met at exactly half', () => {
    const units = [unit('101', 5000, { memberId: 'a' }), unit('102', 5000, { memberId: 'b' })];
    const q = assemblyQuorum(units, [member('a')]);
    expect([q.presentArea, q.totalArea, q.presentOwners, q.totalOwners, q.met]).toEqual([5000, 10000, 1, 2, false]);
  });

  it('counts several owners of one unit as one owner, and the unit once when both come', () => {
    const units = [unit('101', 9000, { memberId: 'a' }, { name: '李强' }), unit('102', 3000, { memberId: 'b' })];
    const q = assemblyQuorum(units, [member('a'), { name: '李强', party: 'none' }]);
    expect([q.totalOwners, q.presentOwners, q.presentArea]).toEqual([2, 1, 9000]);
  });

  it('counts one owner of several units once by number and every unit by area', () => {
    const units = [
      unit('101', 6000, { memberId: 'a' }),
      unit('102', 6000, { memberId: 'a' }),
      unit('103', 6000, { memberId: 'b' }),
    ];
    expect(ownerGroups(units)).toHaveLength(2);
    const q = assemblyQuorum(units, [member('a')]);
    expect([q.presentOwners, q.totalOwners, q.presentArea, q.areaMet, q.ownersMet]).toEqual([1, 2, 12000, true, false]);
  });

  it('matches a member to an owner the register knows by name only', () => {
    const units = [unit('101', 6000, { name: '王芳' }), unit('102', 6000, { name: '张伟' })];
    const q = assemblyQuorum(units, [member('own1')], (id) => (id === 'own1' ? ' 王芳' : undefined));
    expect([q.presentOwners, q.presentArea]).toEqual([1, 6000]);
  });

  it('ignores attendees who own nothing, and meets nothing with an empty register', () => {
    const units = [unit('101', 6000, { memberId: 'a' })];
    expect(assemblyQuorum(units, [member('z'), { name: '访客', party: 'none' }]).presentOwners).toBe(0);
    expect(assemblyQuorum([], [member('a')])).toMatchObject({
      totalArea: 0,
      met: false,
      areaMet: false,
      ownersMet: false,
    });
  });
});
