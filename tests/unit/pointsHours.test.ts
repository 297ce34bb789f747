import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { balanceAfterCorrection, dutyHours, serviceUnusual } from '../../shared/folds/pointsHours.ts';
import { awardSuggestions } from '../../shared/folds/pointsQueries.ts';
import { TestLog } from './support/TestLog.ts';

describe('hours of duty a per-hour rule pays for', () => {
  it('counts whole hours served, a few minutes short still the hour, never a few minutes as an hour', () => {
    expect(dutyHours(0)).toBe(0);
    expect(dutyHours(1)).toBe(0);
    expect(dutyHours(49)).toBe(0);
    expect(dutyHours(50)).toBe(1);
    expect(dutyHours(65)).toBe(1);
    expect(dutyHours(109)).toBe(1);
    expect(dutyHours(110)).toBe(2);
    expect(dutyHours(1437)).toBe(24);
    expect(dutyHours(100_000)).toBe(100);
    expect(dutyHours(Number.NaN)).toBe(0);
  });

  it('calls a service unusual past twice the planned length', () => {
    expect(serviceUnusual(240, 120)).toBe(false);
    expect(serviceUnusual(241, 120)).toBe(true);
    expect(serviceUnusual(1437, 120)).toBe(true);
    expect(serviceUnusual(10, 0)).toBe(false);
  });
});

/** A 09:00-11:00 duty res1 signed up for, with a 10-point hourly rule; the lead corrects the times served. */
function served(checkedInAt: string, checkedOutAt: string) {
  const log = new TestLog();
  log.add('points.rule.defined', 'comm1', { name: '值班', points: 10, kind: 'duty_hour', from: '2024-05-01' }, 'r1');
  log.add('roster.team.created', 'comm1', { name: '巡逻队' }, 'team1');
  log.add(
    'roster.duty.created',
    'comm1',
    { teamId: 'team1', day: '2024-05-10', start: '09:00', end: '11:00', place: '东门', slots: 3 },
    'duty1',
  );
  log.add('roster.signed-up', 'res1', { dutyId: 'duty1', memberId: 'res1' });
  log.add('roster.attendance.corrected', 'comm1', {
    dutyId: 'duty1',
    teamId: 'team1',
    memberId: 'res1',
    checkedInAt: Date.parse(checkedInAt),
    checkedOutAt: Date.parse(checkedOutAt),
    reason: '补记',
    as: 'committee',
  });
  const s = foldEvents(log.events);
  return awardSuggestions(s.points, s.rosters).map((x) => ({
    units: x.units,
    points: x.points,
    minutes: x.minutes,
    unusual: x.unusual,
  }));
}

describe('suggested awards for duty served', () => {
  it('a check-in and check-out a minute apart suggests nothing', () => {
    expect(served('2024-05-10T01:00:00Z', '2024-05-10T01:01:00Z')).toEqual([]);
  });

  it('an hour and five minutes suggests one hour, with the minutes served', () => {
    expect(served('2024-05-10T01:00:00Z', '2024-05-10T02:05:00Z')).toEqual([
      { units: 1, points: 10, minutes: 65, unusual: false },
    ]);
  });

  it('a check-out typed before the check-in (read as overnight) is marked unusual', () => {
    // 09:03 to 09:00 the next day: 23 h 57 min for a two-hour duty.
    expect(served('2024-05-10T01:03:00Z', '2024-05-11T01:00:00Z')).toEqual([
      { units: 24, points: 240, minutes: 1437, unusual: true },
    ]);
  });
});

describe('the balance a correction leaves', () => {
  it('takes the line back and adds the right award, below zero as it falls', () => {
    const log = new TestLog();
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 240, reason: '值班' }, 'a1');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: -100, reason: '飞线充电' }, 'a2');
    log.add('points.goods.listed', 'comm1', { name: '米', pricePoints: 135, stock: 5 }, 'g1');
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'g1', quantity: 1 }, 'x1');
    const acct = foldEvents(log.events).points.accounts.res1;
    const big = acct?.history.find((h) => h.eventId === 'a1');
    if (!acct || !big) throw new Error('no account');
    expect(acct.balance).toBe(5);
    expect(balanceAfterCorrection(acct, big)).toBe(-235);
    expect(balanceAfterCorrection(acct, big, 10)).toBe(-225);
    expect(balanceAfterCorrection(undefined, big)).toBe(-240);
  });
});
