import { describe, expect, it } from 'vitest';
import { assemblyQuorum, ownerGroups } from '../../shared/folds/assemblyQuorum.ts';
import { assemblyTally } from '../../shared/folds/assemblyTally.ts';
import { registeredUnit, unitKeyOf } from './support/units.ts';

const unit = registeredUnit;
const key = unitKeyOf;

// A review (2026-12-04): her one sign-in made both units take part, yet she counted as two owners.
describe("an owners' assembly: one owner the register names by member id on one unit and by name on another", () => {
  // 王芳 joined after the first CSV import (102 kept her name); a later import of 101 found her as a member.
  const units = [
    unit('101', 5000, { memberId: 'm7' }),
    unit('102', 5000, { name: '王芳' }),
    unit('103', 5000, { memberId: 'b' }),
  ];
  const nameOf = (id: string) => (id === 'm7' ? '王芳' : id === 'b' ? '李强' : undefined);

  it('counts her once by number in the tally, with the area of both units', () => {
    const t = assemblyTally(units, [{ memberId: 'm7', party: 'none' }], { [key('101')]: 'for' }, 'ordinary', nameOf);
    expect([t.areaTakingPart, t.ownersTakingPart, t.areaFor, t.ownersFor]).toEqual([10000, 1, 10000, 1]);
  });

  it('counts her once by number in the quorum', () => {
    const q = assemblyQuorum(units, [{ memberId: 'm7', party: 'none' }], nameOf);
    expect([q.presentOwners, q.totalOwners, q.presentArea, q.totalArea]).toEqual([1, 2, 10000, 15000]);
  });

  it('keeps two members of one name apart, and the name on its own', () => {
    const twins = [...units, unit('104', 5000, { memberId: 'm9' })];
    const both = (id: string) => (id === 'm7' || id === 'm9' ? '王芳' : nameOf(id));
    expect(ownerGroups(twins, both)).toHaveLength(4);
    expect(ownerGroups(twins, nameOf)).toHaveLength(3);
  });
});
