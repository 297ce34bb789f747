import { describe, expect, it } from 'vitest';
import { foldEvents, servedMinutes } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

function duty(slots = 2) {
  const log = new TestLog();
  log.add('roster.team.created', 'comm1', { name: '背老人下楼志愿队', leaderId: 'res1' }, 't1');
  log.add(
    'roster.duty.created',
    'comm1',
    {
      teamId: 't1',
      day: '2024-06-01',
      start: '08:00',
      end: '10:00',
      place: '2号楼',
      slots,
      title: '背老人下楼去医院复查',
    },
    'd1',
  );
  return log;
}

describe('the rosters fold', () => {
  it('counts free slots, check-ins and minutes served per member; a freed place goes to the first over-full', () => {
    const log = duty();
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    expect(Object.keys(foldEvents(log.events).rosters.duties.d1?.overfull ?? {})).toEqual(['res3']);
    log.add('roster.withdrew', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    log.add('roster.checked-in', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.at += 124 * 60_000;
    log.add('roster.checked-out', 'res1', { dutyId: 'd1', memberId: 'res1', minutes: 125 });
    const state = foldEvents(log.events);
    expect(state.anomalies).toEqual([]);
    expect(state.rosters.duties.d1).toMatchObject({ freeSlots: 0, status: 'open', overfull: {} });
    expect(Object.keys(state.rosters.duties.d1?.signups ?? {}).sort()).toEqual(['res1', 'res3']);
    expect(state.rosters.minutesByMember).toEqual({ res1: 125 });
  });

  it('counts no more than the time between check-in and check-out, or the duty’s length if longer', () => {
    const log = duty();
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.checked-in', 'res1', { dutyId: 'd1', memberId: 'res1' });
    // A minute later the member checks out claiming a whole day.
    log.add('roster.checked-out', 'res1', { dutyId: 'd1', memberId: 'res1', minutes: 1440 });
    const d1 = foldEvents(log.events).rosters.duties.d1;
    const length = servedMinutes(Date.parse(`2024-01-01T${d1?.start}:00Z`), Date.parse(`2024-01-01T${d1?.end}:00Z`));
    expect(d1?.signups.res1?.minutes).toBe(length);
    expect(length).toBeLessThan(1440);
  });

  it("adds up a member's minutes over duties", () => {
    const log = duty();
    log.add(
      'roster.duty.created',
      'comm1',
      { teamId: 't1', day: '2024-06-02', start: '19:00', end: '21:00', place: '东门', slots: 3 },
      'd2',
    );
    for (const d of ['d1', 'd2']) {
      log.add('roster.signed-up', 'res1', { dutyId: d, memberId: 'res1' });
      log.add('roster.checked-in', 'res1', { dutyId: d, memberId: 'res1' });
      log.add('roster.checked-out', 'res1', { dutyId: d, memberId: 'res1', minutes: 60 });
    }
    expect(foldEvents(log.events).rosters.minutesByMember).toEqual({ res1: 120 });
  });

  it('ignores steps out of order, and keeps a sign-up written while the duty was cancelled', () => {
    const log = duty();
    log.add('roster.checked-in', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.checked-out', 'res1', { dutyId: 'd1', memberId: 'res1', minutes: 30 });
    log.add('roster.checked-in', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd1', reason: '下雨' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.duty.created', 'comm1', {
      teamId: 'nope',
      day: '2024-06-02',
      start: '08:00',
      end: '09:00',
      place: 'x',
      slots: 1,
    });
    const state = foldEvents(log.events);
    // A second sign-up, and a withdrawal after the check-in, are kept in the member's steps and move
    // nothing. A sign-up after the cancellation in the log was written offline beside it (the relay
    // refuses one whose author saw it): kept, the duty shows cancelled with it, in any merge order.
    expect(state.anomalies.map((a) => a.reason)).toEqual([
      { code: 'not_signed_up' },
      { code: 'not_checked_in' },
      { code: 'no_such', thing: 'team' },
    ]);
    expect(state.rosters.duties.d1).toMatchObject({ status: 'cancelled', cancelReason: '下雨' });
    expect(Object.keys(state.rosters.duties.d1?.signups ?? {}).sort()).toEqual(['res1', 'res2']);
  });

  it('edits a team', () => {
    const log = duty();
    log.add('roster.team.edited', 'comm1', { teamId: 't1', name: '助老志愿队' });
    expect(foldEvents(log.events).rosters.teams.t1).toMatchObject({ name: '助老志愿队', leaderId: 'res1' });
  });
});
