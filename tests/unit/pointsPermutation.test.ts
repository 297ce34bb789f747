import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { awardSuggestions, overdrafts } from '../../shared/folds/pointsQueries.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { linearExtension } from './support/linearExtension.ts';
import { TestLog } from './support/TestLog.ts';

/** A month at a love supermarket: rules, duties, awards, redemptions (one overdrawn, one ticket reused), corrections. */
function month() {
  const log = new TestLog();
  log.add(
    'points.rule.defined',
    'comm1',
    { name: '值班一小时', points: 10, kind: 'duty_hour', from: '2024-05-01' },
    'r1',
  );
  log.add(
    'points.rule.defined',
    'comm1',
    { name: '值班一小时', points: 12, kind: 'duty_hour', from: '2024-05-20' },
    'r2',
  );
  log.add('points.rule.defined', 'comm2', { name: '清理楼道', points: 5 }, 'r3');
  log.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 30, stock: 3 }, 'rice');
  log.add('points.goods.listed', 'comm2', { name: '洗洁精', pricePoints: 10, stock: 10 }, 'soap');
  log.add('roster.team.created', 'comm1', { name: '巡逻队' }, 'team');
  for (const [day, id] of [
    ['2024-05-10', 'd1'],
    ['2024-05-21', 'd2'],
  ] as const) {
    log.add(
      'roster.duty.created',
      'comm1',
      { teamId: 'team', day, start: '09:00', end: '11:00', place: '东门', slots: 4 },
      id,
    );
    for (const m of ['res1', 'res2', 'res3']) {
      log.add('roster.signed-up', m, { dutyId: id, memberId: m });
      log.add('roster.checked-in', m, { dutyId: id, memberId: m });
      log.add('roster.checked-out', m, { dutyId: id, memberId: m, minutes: 95 });
    }
  }
  log.add('points.awarded', 'comm1', { memberId: 'res1', ruleId: 'r1', units: 2, dutyId: 'd1', reason: '值班一小时' });
  log.add('points.awarded', 'comm2', { memberId: 'res2', ruleId: 'r1', units: 2, dutyId: 'd1', reason: '值班一小时' });
  log.add('points.awarded', 'comm1', { memberId: 'res1', ruleId: 'r2', units: 2, dutyId: 'd2', reason: '值班一小时' });
  const wrong = log.add('points.awarded', 'comm2', { memberId: 'res3', ruleId: 'r3', reason: '清理楼道' });
  log.add('points.corrected', 'comm1', { targetEventId: wrong.id, reason: '记错了人' });
  log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 't1' });
  log.add('points.redeemed', 'comm2', { memberId: 'res1', goodsId: 'soap', quantity: 1, ticket: 't1' });
  log.add('points.redeemed', 'comm2', { memberId: 'res2', goodsId: 'rice', quantity: 1, ticket: 't2' });
  log.add('points.goods.restocked', 'comm1', { goodsId: 'rice', quantity: 5 });
  log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 't3' });
  // Two counts of the soap shelf on two phones: one bottle short, then found again.
  log.add('points.goods.counted', 'comm2', { goodsId: 'soap', counted: 9, expected: 10 });
  log.add('points.goods.counted', 'comm1', { goodsId: 'soap', counted: 10, expected: 9 });
  return log.events;
}

describe('the points fold in any causal order', () => {
  it('folds 300 causal orders of a month to one state: balances, stock, flags and suggestions', () => {
    const events = month();
    const summary = (state: ReturnType<typeof foldEvents>) =>
      JSON.stringify({
        accounts: Object.fromEntries(
          Object.entries(state.points.accounts)
            .sort()
            .map(([k, a]) => [k, a.balance]),
        ),
        goods: Object.fromEntries(
          Object.entries(state.points.goods)
            .sort()
            .map(([k, g]) => [k, [g.stock, g.redeemed, g.lastCount?.eventId ?? null]]),
        ),
        overdrafts: overdrafts(state.points)
          .map((o) => o.entry.eventId)
          .sort(),
        suggestions: awardSuggestions(state.points, state.rosters).map((s) => [s.key, s.points]),
        anomalies: state.anomalies.map((a) => [a.eventId, a.reason.code]).sort(),
      });
    const expected = summary(foldEvents(events));
    const rng = new Prng(1305);
    let moved = 0;
    for (let run = 0; run < 300; run++) {
      const order = linearExtension(events, rng);
      if (order.some((e, i) => e !== events[i])) moved++;
      expect(summary(foldEvents(order))).toBe(expected);
    }
    expect(moved).toBeGreaterThan(250);
    expect(JSON.parse(expected)).toMatchObject({
      accounts: { res1: 20 + 24 - 30 - 30, res2: 20 - 30, res3: 0 },
      goods: { rice: [3 + 5 - 3, 3, null], soap: [10, 0, events.at(-1)?.id] },
    });
  });
});
