import { describe, expect, it } from 'vitest';
import { RejectReason, RuleError } from '../../shared/errors.ts';
import { compileCheck } from '../../shared/events/compileCheck.ts';
import { type AssemblyMatter, type AssemblyTally, DecisionRecorded } from '../../shared/events/meeting.ts';
import {
  type AssemblyVote,
  assemblyOutcome,
  assemblyTally,
  perMille,
  votingOwners,
} from '../../shared/folds/assemblyTally.ts';
import { foldMinutes } from '../../shared/folds/foldMinutes.ts';
import type { Member } from '../../shared/roles.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { community, resident } from './support/members.ts';
import { registeredUnit, unitKeyOf } from './support/units.ts';

const unit = registeredUnit;
const member = (memberId: string) => ({ memberId, party: 'none' as const });
const key = unitKeyOf;

/** Every unit's owner present (each unit its own member, named after the room), voting as given by room. */
function vote(matter: AssemblyMatter, rooms: Record<string, [number, AssemblyVote | null]>) {
  const units = Object.entries(rooms).map(([room, [area]]) => unit(room, area, { memberId: room }));
  const votes: Record<string, AssemblyVote> = {};
  for (const [room, [, v]] of Object.entries(rooms)) if (v) votes[key(room)] = v;
  const t = assemblyTally(units, Object.keys(rooms).map(member), votes, matter);
  return { t, ...assemblyOutcome(t) };
}

describe("an owners' assembly's 双过半 tally (Civil Code art. 278)", () => {
  it('fails an ordinary matter at exactly half of the area taking part', () => {
    const r = vote('ordinary', { a: [5000, 'against'], b: [2500, 'for'], c: [2500, 'for'] });
    expect(r.t).toMatchObject({ areaFor: 5000, areaTakingPart: 10000, ownersFor: 2, ownersTakingPart: 3 });
    expect([r.areaMet, r.ownersMet, r.passed]).toEqual([false, true, false]);
  });

  it('passes an ordinary matter at one hundredth of a m² above half', () => {
    const r = vote('ordinary', { a: [4999, 'against'], b: [2501, 'for'], c: [2500, 'for'] });
    expect([r.t.areaFor, r.t.areaTakingPart]).toEqual([5001, 10000]);
    expect([r.areaMet, r.ownersMet, r.passed]).toEqual([true, true, true]);
  });

  it('fails an ordinary matter at exactly half of the owners, however much area is for', () => {
    const r = vote('ordinary', { a: [9000, 'for'], b: [1000, 'against'] });
    expect([r.areaMet, r.ownersMet, r.passed]).toEqual([true, false, false]);
  });

  it('passes an item six to eight at exactly three quarters of both', () => {
    const r = vote('major', { a: [2500, 'against'], b: [2500, 'for'], c: [2500, 'for'], d: [2500, 'for'] });
    expect(r.t).toMatchObject({ areaFor: 7500, areaTakingPart: 10000, ownersFor: 3, ownersTakingPart: 4 });
    expect(r.passed).toBe(true);
  });

  it('fails an item six to eight one hundredth below three quarters of the area', () => {
    const r = vote('major', { a: [2500, 'against'], b: [2499, 'for'], c: [2500, 'for'], d: [2500, 'for'] });
    expect([r.t.areaFor, r.t.areaTakingPart]).toEqual([7499, 9999]);
    expect([r.areaMet, r.ownersMet, r.passed]).toEqual([false, true, false]);
  });

  it('passes two thirds as an ordinary matter and fails it as an item six to eight', () => {
    const rooms = { a: [3000, 'for'], b: [3000, 'for'], c: [3000, 'against'] } as const;
    const mutable = Object.fromEntries(Object.entries(rooms).map(([k, v]) => [k, [...v]])) as Record<
      string,
      [number, AssemblyVote]
    >;
    expect(vote('ordinary', mutable).passed).toBe(true);
    expect(vote('major', mutable).passed).toBe(false);
  });

  it('counts abstentions and owners who did not vote as taking part and not for', () => {
    const r = vote('ordinary', { a: [4000, 'for'], b: [3000, 'abstain'], c: [3000, null] });
    expect(r.t).toEqual({
      matter: 'ordinary',
      areaFor: 4000,
      areaAgainst: 0,
      areaTakingPart: 10000,
      ownersFor: 1,
      ownersAgainst: 0,
      ownersTakingPart: 3,
    });
    expect(r.passed).toBe(false);
  });

  it('counts against the owners taking part, not the whole register', () => {
    const units = [
      unit('101', 6000, { memberId: 'a' }),
      unit('102', 4000, { memberId: 'b' }),
      unit('103', 90000, { memberId: 'c' }),
    ];
    const t = assemblyTally(units, [member('a'), member('b')], { [key('101')]: 'for' }, 'ordinary');
    expect([t.areaFor, t.areaTakingPart, t.ownersFor, t.ownersTakingPart]).toEqual([6000, 10000, 1, 2]);
    expect(assemblyOutcome(t)).toEqual({ areaMet: true, ownersMet: false, passed: false });
  });

  it('counts several owners of one unit as one vote and its area once', () => {
    const units = [unit('101', 9000, { memberId: 'a' }, { name: '李强' }), unit('102', 3000, { memberId: 'b' })];
    const attendees = [member('a'), { name: '李强', party: 'none' as const }, member('b')];
    expect(votingOwners(units, attendees).map((o) => [o.key, o.area])).toEqual([
      [key('101'), 9000],
      [key('102'), 3000],
    ]);
    const t = assemblyTally(units, attendees, { [key('101')]: 'for', [key('102')]: 'against' }, 'ordinary');
    expect([t.areaFor, t.areaAgainst, t.ownersFor, t.ownersAgainst, t.ownersTakingPart]).toEqual([9000, 3000, 1, 1, 2]);
  });

  it('counts one owner of several units once by number and every unit by area', () => {
    const units = [
      unit('103', 4000, { memberId: 'b' }),
      unit('101', 5000, { memberId: 'a' }),
      unit('102', 3000, { memberId: 'b' }),
    ];
    const owners = votingOwners(units, [member('a'), member('b')]);
    expect(owners.map((o) => [o.key, o.units.map((u) => u.room), o.area])).toEqual([
      [key('101'), ['101'], 5000],
      [key('102'), ['102', '103'], 7000],
    ]);
    const t = assemblyTally(units, [member('a'), member('b')], { [key('102')]: 'for' }, 'ordinary');
    expect([t.areaFor, t.areaTakingPart, t.ownersFor, t.ownersTakingPart]).toEqual([7000, 12000, 1, 2]);
  });

  it('matches an owner the register knows by name to the member signed in under that name', () => {
    const units = [unit('101', 5000, { name: '王芳' })];
    const t = assemblyTally(units, [member('m7')], { [key('101')]: 'for' }, 'ordinary', (id) =>
      id === 'm7' ? '王芳' : undefined,
    );
    expect([t.ownersFor, t.ownersTakingPart, assemblyOutcome(t).passed]).toEqual([1, 1, true]);
  });

  it('ignores a vote for an owner not taking part, and passes nothing when nobody takes part', () => {
    const units = [unit('101', 5000, { memberId: 'a' })];
    const t = assemblyTally(units, [], { [key('101')]: 'for' }, 'ordinary');
    expect([t.areaFor, t.ownersTakingPart]).toEqual([0, 0]);
    expect(assemblyOutcome(t).passed).toBe(false);
  });

  it('shows shares in tenths of a percent rounded down', () => {
    expect([perMille(623, 1000), perMille(5001, 10000), perMille(2, 3), perMille(1, 0)]).toEqual([623, 500, 666, 0]);
  });
});

describe('a decision carrying an assembly tally', () => {
  const tally: AssemblyTally = {
    matter: 'major',
    areaFor: 7500,
    areaAgainst: 2500,
    areaTakingPart: 10000,
    ownersFor: 3,
    ownersAgainst: 1,
    ownersTakingPart: 4,
  };
  const decision = (assembly: unknown) => ({
    id: 'd1',
    type: 'minutes.decision.recorded',
    at: Date.parse('2024-05-06T01:00:00Z'),
    by: 'comm1',
    text: '使用维修资金更换电梯',
    tally: { for: 3, against: 1, abstain: 0 },
    assembly,
  });
  const verdict = (json: unknown, by: Member) => {
    try {
      checkEvent(json, by, 'minutes');
      return 'ok';
    } catch (error) {
      if (error instanceof RuleError) return error.reason;
      throw error;
    }
  };

  it('is accepted from the committee and folds with its count', () => {
    expect(verdict(decision(tally), community)).toBe('ok');
    expect(foldMinutes([decision(tally)]).decisions[0]?.assembly).toEqual(tally);
  });

  it('is refused from a resident', () => {
    expect(verdict({ ...decision(tally), by: resident.memberId }, resident)).toBe(RejectReason.NotPermitted);
  });

  it.each([
    ['more votes than area taking part', { ...tally, areaAgainst: 2501 }],
    ['more votes than owners taking part', { ...tally, ownersFor: 4 }],
    ['a fractional area', { ...tally, areaFor: 7500.5 }],
    ['an unknown matter', { ...tally, matter: 'urgent' }],
    ['an unknown field', { ...tally, passed: true }],
  ])('is refused with %s', (_why, bad) => {
    expect(verdict(decision(bad), community)).not.toBe('ok');
    expect(foldMinutes([decision(bad)]).anomalies).toHaveLength(1);
    expect(compileCheck(DecisionRecorded)?.(decision(bad))).toBe(false);
    expect(compileCheck(DecisionRecorded)?.(decision(tally))).toBe(true);
  });

  it('leaves a decision without one as it was: no assembly key in the fold', () => {
    const { assembly: _, ...plain } = decision(undefined);
    expect(verdict(plain, community)).toBe('ok');
    expect(Object.hasOwn(foldMinutes([plain]).decisions[0] ?? {}, 'assembly')).toBe(false);
  });
});
