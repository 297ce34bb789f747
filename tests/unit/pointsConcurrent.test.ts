import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { awardSuggestions, historyLines, overdrafts } from '../../shared/folds/pointsQueries.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import { TestLog } from './support/TestLog.ts';

/**
 * Two committee phones (or counters) offline at once, merged in every order Yjs can pick: accounts,
 * flags, anomalies and what the points pages show come out the same.
 */

/** A duty res1 served two hours, the duty-hour rule, rice at 100 points and 100 points awarded. */
function counter(): TestLog {
  const log = new TestLog();
  log.add('roster.team.created', 'comm1', { name: '巡逻队' }, 'team1');
  log.add(
    'roster.duty.created',
    'comm1',
    { teamId: 'team1', day: '2024-05-10', start: '09:00', end: '11:00', place: '东门', slots: 3 },
    'duty1',
  );
  log.add('roster.signed-up', 'res1', { dutyId: 'duty1', memberId: 'res1' });
  log.add('roster.checked-in', 'res1', { dutyId: 'duty1', memberId: 'res1' });
  log.add('roster.checked-out', 'res1', { dutyId: 'duty1', memberId: 'res1', minutes: 120 });
  log.add(
    'points.rule.defined',
    'comm1',
    { name: '值班一小时', points: 10, kind: 'duty_hour', from: '2024-05-01' },
    'r1',
  );
  log.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 100, stock: 9 }, 'rice');
  log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '志愿服务' });
  return log;
}

function shown(state: ReturnType<typeof everyMergeOrder>[number]['state']) {
  return {
    points: state.points,
    anomalies: state.anomalies,
    history: historyLines(state.points.accounts.res1),
    overdrafts: overdrafts(state.points),
    suggestions: awardSuggestions(state.points, state.rosters),
  };
}

function merged(base: readonly AppEvent[], a: AppEvent[], b: AppEvent[]) {
  return everyMergeOrder(
    base,
    [
      { events: b, member: owners },
      { events: a, member: community },
    ],
    'public',
  ).map(({ state }) => shown(state));
}

describe('one shift awarded on two committee phones offline', () => {
  it('pays the earlier award by (at, id) and flags the later, in every merge order', () => {
    const log = counter();
    const base = [...log.events];
    const fields = { memberId: 'res1', ruleId: 'r1', units: 2, dutyId: 'duty1', reason: '值班一小时' };
    const early = log.add('points.awarded', 'comm1', fields);
    const late = log.add('points.awarded', 'own1', { ...fields, units: 3 });
    const results = merged(base, [early], [late]);
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.points.accounts.res1?.balance).toBe(120);
      expect(r.points.accounts.res1?.history.filter((h) => h.alreadyAwarded).map((h) => h.eventId)).toEqual([late.id]);
    }
  });
});

describe('two counters offline redeeming the last points', () => {
  it('flag the later redemption by (at, id) as the overdraft, in every merge order', () => {
    const log = counter();
    const base = [...log.events];
    const first = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 'ta' });
    const second = log.add('points.redeemed', 'own1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 'tb' });
    const results = merged(base, [first], [second]);
    expect(results[1]).toEqual(results[0]);
    for (const r of results) expect(r.overdrafts.map((o) => o.entry.eventId)).toEqual([second.id]);
  });
});
