import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import {
  beforeCutoff,
  CHECK_OUT_GRACE_MS,
  checkInWindow,
  dutiesByDay,
  dutiesOf,
  dutyEndsAt,
  dutyStartsAt,
  memberMonths,
  monthHours,
  servedMinutes,
  upcomingDuties,
  weeklyDays,
} from '../../shared/folds/rosterQueries.ts';
import { TestLog } from './support/TestLog.ts';

function team(log = new TestLog()) {
  log.add('roster.team.created', 'comm1', { name: '巡逻队', leaderId: 'res1' }, 't1');
  log.add('roster.team.created', 'comm1', { name: '保洁队' }, 't2');
  return log;
}

function addDuty(log: TestLog, id: string, day: string, teamId = 't1', start = '08:00', end = '10:00', slots = 3) {
  log.add('roster.duty.created', 'comm1', { teamId, day, start, end, place: '东门', slots }, id);
}

function serve(log: TestLog, dutyId: string, memberId: string, minutes: number) {
  log.add('roster.signed-up', memberId, { dutyId, memberId });
  log.add('roster.checked-in', memberId, { dutyId, memberId });
  // The check-out comes `minutes` after the check-in, as the phone's clock says.
  log.at += (minutes - 1) * 60_000;
  log.add('roster.checked-out', memberId, { dutyId, memberId, minutes });
}

describe('roster queries', () => {
  it('reads a duty’s start and end on its Asia/Shanghai day', () => {
    const duty = { day: '2024-03-01', start: '00:10', end: '23:59' };
    expect(new Date(dutyStartsAt(duty)).toISOString()).toBe('2024-02-29T16:10:00.000Z');
    expect(new Date(dutyEndsAt(duty)).toISOString()).toBe('2024-03-01T15:59:00.000Z');
  });

  it('ends a night duty on the next day, and lists it as upcoming until then', () => {
    const night = { day: '2024-03-01', start: '22:00', end: '02:00' };
    expect(new Date(dutyEndsAt(night)).toISOString()).toBe('2024-03-01T18:00:00.000Z');
    // A duty from 08:00 to 08:00 runs a whole day, as the fold counts its length.
    expect(
      dutyEndsAt({ day: '2024-03-01', start: '08:00', end: '08:00' }) -
        dutyStartsAt({ day: '2024-03-01', start: '08:00' }),
    ).toBe(86_400_000);
    const log = team();
    addDuty(log, 'n1', '2024-06-01', 't1', '22:00', '02:00');
    const rosters = foldEvents(log.events).rosters;
    // 2024-06-01 23:30 and 2024-06-02 01:30 in Shanghai: still on.
    expect(upcomingDuties(rosters, Date.parse('2024-06-01T15:30:00Z')).map((d) => d.id)).toEqual(['n1']);
    expect(upcomingDuties(rosters, Date.parse('2024-06-01T17:30:00Z')).map((d) => d.id)).toEqual(['n1']);
    expect(upcomingDuties(rosters, Date.parse('2024-06-01T18:30:00Z'))).toEqual([]);
  });

  it('opens check-in for the duty’s own Asia/Shanghai day, past midnight until a night duty ends', () => {
    const day = checkInWindow({ day: '2024-03-01', start: '08:00', end: '10:00' });
    expect(new Date(day.opens).toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(new Date(day.closes).toISOString()).toBe('2024-03-01T16:00:00.000Z');
    expect(day.checkOutUntil - day.closes).toBe(CHECK_OUT_GRACE_MS);
    const night = checkInWindow({ day: '2024-03-01', start: '22:00', end: '02:00' });
    expect(night.opens).toBe(day.opens);
    expect(new Date(night.closes).toISOString()).toBe('2024-03-01T18:00:00.000Z');
  });

  it('closes sign-up and withdrawal when the duty starts, and on a cancelled duty', () => {
    const log = team();
    addDuty(log, 'd1', '2024-06-01');
    addDuty(log, 'd2', '2024-06-01');
    log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd2', reason: '下雨' });
    const { duties } = foldEvents(log.events).rosters;
    const start = Date.parse('2024-06-01T00:00:00Z');
    expect(beforeCutoff(duties.d1!, start - 1)).toBe(true);
    expect(beforeCutoff(duties.d1!, start)).toBe(false);
    expect(beforeCutoff(duties.d2!, start - 1)).toBe(false);
  });

  it('lists open duties that have not ended, a member’s duties, and a month by day, in order', () => {
    const log = team();
    addDuty(log, 'd3', '2024-06-03');
    addDuty(log, 'd1', '2024-06-01', 't1', '19:00', '21:00');
    addDuty(log, 'd2', '2024-06-01', 't2', '08:00', '09:00');
    addDuty(log, 'd4', '2024-07-01');
    addDuty(log, 'd5', '2024-06-04');
    log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd5', reason: '下雨' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd3', memberId: 'res2' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const rosters = foldEvents(log.events).rosters;
    const ids = (list: { id: string }[]) => list.map((d) => d.id);
    // 2024-06-01 09:30 in Shanghai: d2 has ended, d1 has not.
    expect(ids(upcomingDuties(rosters, Date.parse('2024-06-01T01:30:00Z')))).toEqual(['d1', 'd3', 'd4']);
    expect(ids(dutiesOf(rosters, 'res2'))).toEqual(['d1', 'd3']);
    expect(dutiesByDay(rosters, '2024-06').map(([day, list]) => [day, ids(list)])).toEqual([
      ['2024-06-01', ['d2', 'd1']],
      ['2024-06-03', ['d3']],
      ['2024-06-04', ['d5']],
    ]);
  });

  it('adds up minutes per member and per team for one month', () => {
    const log = team();
    addDuty(log, 'd1', '2024-06-01', 't1');
    addDuty(log, 'd2', '2024-06-30', 't2');
    addDuty(log, 'd3', '2024-07-01', 't1');
    serve(log, 'd1', 'res1', 60);
    serve(log, 'd1', 'res2', 45);
    serve(log, 'd2', 'res1', 30);
    serve(log, 'd3', 'res1', 120);
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    const rosters = foldEvents(log.events).rosters;
    expect(monthHours(rosters, '2024-06')).toEqual({ byMember: { res1: 90, res2: 45 }, byTeam: { t1: 105, t2: 30 } });
    expect(monthHours(rosters, '2024-07')).toEqual({ byMember: { res1: 120 }, byTeam: { t1: 120 } });
    expect(monthHours(rosters, '2024-05')).toEqual({ byMember: {}, byTeam: {} });
    expect(memberMonths(rosters, 'res1')).toEqual([
      ['2024-07', 120],
      ['2024-06', 90],
    ]);
    expect(memberMonths(rosters, 'res3')).toEqual([]);
  });

  it('counts a night shift in the month of its duty’s Shanghai day, when the check-out is past midnight', () => {
    // A duty on 31 March from 22:00 to 23:59 in Shanghai; the volunteer checks out at 00:30 on 1 April.
    const log = team();
    log.at = Date.parse('2024-03-31T13:50:00Z');
    addDuty(log, 'night', '2024-03-31', 't1', '22:00', '23:59');
    serve(log, 'night', 'res1', servedMinutes(Date.parse('2024-03-31T14:00:00Z'), Date.parse('2024-03-31T16:30:00Z')));
    // A duty at 00:10 on 1 March in Shanghai is still 29 February in UTC: it counts in March.
    addDuty(log, 'early', '2024-03-01', 't2', '00:10', '02:00');
    serve(log, 'early', 'res1', 90);
    const rosters = foldEvents(log.events).rosters;
    expect(monthHours(rosters, '2024-03').byMember).toEqual({ res1: 150 + 90 });
    expect(monthHours(rosters, '2024-04').byMember).toEqual({});
    expect(monthHours(rosters, '2024-02').byMember).toEqual({});
  });

  it('rounds served time to whole minutes between 1 and 1440', () => {
    expect(servedMinutes(0, 10_000)).toBe(1);
    expect(servedMinutes(0, 90 * 60_000 + 29_000)).toBe(90);
    expect(servedMinutes(0, 30 * 3_600_000)).toBe(1440);
    expect(servedMinutes(1000, 0)).toBe(1);
  });

  it('lists the days of a weekly duty, across a month and a year', () => {
    expect(weeklyDays('2024-12-18', 3)).toEqual(['2024-12-18', '2024-12-25', '2025-01-01']);
    expect(weeklyDays('2024-02-22', 2)).toEqual(['2024-02-22', '2024-02-29']);
    expect(weeklyDays('2024-06-01', 1)).toEqual(['2024-06-01']);
  });
});
