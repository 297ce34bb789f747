import { describe, expect, it } from 'vitest';
import { overfullByDuty } from '../../client/features/volunteers/selectors.ts';
import type { AppEvent } from '../../shared/events/index.ts';
import { monthHours } from '../../shared/folds/index.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, resident2, resident3 } from './support/members.ts';
import { servedDuty } from './support/rosterLog.ts';

/**
 * Honest phones offline at once, merged in every order Yjs can pick: the duty, its over-full list,
 * the hours and the anomalies come out the same. Which event Yjs put first is no fact of the world.
 */

/** What a duty's page and the volunteers tab show, from a fold of the relay's log. */
function shown(state: ReturnType<typeof everyMergeOrder>[number]['state']) {
  return {
    duty: state.rosters.duties.d1,
    overfull: overfullByDuty(state.rosters),
    minutes: state.rosters.minutesByMember,
    month: monthHours(state.rosters, '2024-06'),
    anomalies: state.anomalies,
  };
}

describe('two phones offline taking the last place at once', () => {
  it('give it to the earlier sign-up by (at, id) and leave the later over-full, in every merge order', () => {
    const log = servedDuty(2);
    const base = [...log.events];
    // res3 signed up a minute before res2; Yjs puts either first.
    const first = log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    const second = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const results = everyMergeOrder(base, [
      { events: [second], member: resident2 },
      { events: [first], member: resident3 },
    ]).map(({ state }) => shown(state));
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(Object.keys(r.duty?.signups ?? {}).sort()).toEqual(['res1', 'res3']);
      expect(Object.keys(r.duty?.overfull ?? {})).toEqual(['res2']);
      expect(r.overfull).toEqual(new Map([['d1', ['res2']]]));
      expect(r.duty?.freeSlots).toBe(0);
    }
  });

  it('count both walk-ins’ hours, and the over-full one’s place follows (at, id) in every merge order', () => {
    const log = servedDuty(2);
    const base = [...log.events];
    const walkIn = (memberId: string) => {
      const at = log.at;
      const steps: AppEvent[] = [
        log.add('roster.signed-up', memberId, { dutyId: 'd1', memberId }),
        log.add('roster.checked-in', memberId, { dutyId: 'd1', memberId, offline: true }),
      ];
      log.at += 119 * 60_000;
      steps.push(log.add('roster.checked-out', memberId, { dutyId: 'd1', memberId, minutes: 120, offline: true }));
      log.at = at;
      return steps;
    };
    const [a, b] = [walkIn('res3'), walkIn('res2')];
    const results = everyMergeOrder(base, [
      { events: b, member: resident2 },
      { events: a, member: resident3 },
    ]).map(({ state }) => shown(state));
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.minutes).toEqual({ res1: 120, res2: 120, res3: 120 });
      expect(Object.keys(r.duty?.overfull ?? {})).toEqual(['res2']);
    }
  });
});

describe('one member’s own events from two phones offline', () => {
  it('two check-ins keep the earlier, in every merge order', () => {
    const log = servedDuty(3);
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const base = [...log.events];
    const early = log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2', offline: true });
    const late = log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const results = everyMergeOrder(base, [
      { events: [late], member: resident2 },
      { events: [early], member: resident2 },
    ]).map(({ state }) => shown(state));
    expect(results[1]).toEqual(results[0]);
    for (const r of results) expect(r.duty?.signups.res2).toMatchObject({ checkedInAt: early.at, phoneTime: true });
  });

  it('a shift served on one phone counts beside a withdrawal from a stale phone, in every merge order', () => {
    const log = servedDuty(3);
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const base = [...log.events];
    const withdrew = log.add('roster.withdrew', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const shift: AppEvent[] = [log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2' })];
    log.at += 89 * 60_000;
    shift.push(log.add('roster.checked-out', 'res2', { dutyId: 'd1', memberId: 'res2', minutes: 90 }));
    const results = everyMergeOrder(base, [
      { events: shift, member: resident2 },
      { events: [withdrew], member: resident2 },
    ]).map(({ state }) => shown(state));
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.minutes).toEqual({ res1: 120, res2: 90 });
      expect(r.anomalies).toEqual([]);
    }
  });
});

describe('a change of lead made offline beside the old lead’s correction', () => {
  it('leaves the correction counting, in every merge order', () => {
    const log = servedDuty(2);
    const base = [...log.events];
    const handover = log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res2' });
    const fix = log.add('roster.attendance.corrected', 'res3', {
      dutyId: 'd1',
      teamId: 't1',
      memberId: 'res1',
      checkedInAt: Date.parse('2024-06-01T00:00:00Z'),
      checkedOutAt: Date.parse('2024-06-01T03:00:00Z'),
      reason: '送老人回家，多了一小时',
      as: 'lead',
    });
    const results = everyMergeOrder(base, [
      { events: [handover], member: community },
      { events: [fix], member: resident3 },
    ]).map(({ state }) => ({ ...shown(state), team: state.rosters.teams.t1 }));
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.minutes).toEqual({ res1: 180 });
      expect(r.team?.leaderId).toBe('res2');
    }
  });
});
