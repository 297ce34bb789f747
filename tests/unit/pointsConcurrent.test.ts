import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { awardSuggestions, historyLines, overdrafts } from '../../shared/folds/pointsQueries.ts';
import { Prng } from '../../shared/sample/Prng.ts';
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

/**
 * An account folds a line stamped after every other from the account as it stands, and anything
 * else by walking its history again: both ways must say the same. Random accounts (repeated awards
 * for one shift, redemptions past the balance, corrections, some stamped before what they correct
 * as a phone whose clock is behind would) folded with their events in time order and in shuffled
 * orders that keep each correction after its target.
 */
describe('an account settled line by line and settled whole', () => {
  it('comes out the same for 200 random accounts in shuffled orders', () => {
    const rng = new Prng(20261204);
    for (let round = 0; round < 200; round++) {
      const log = counter();
      const base = log.events.length;
      const lines: AppEvent[] = [];
      const corrected = new Set<string>();
      for (let i = 0; i < 14; i++) {
        const pick = rng.int(0, 5);
        if (pick <= 1) {
          lines.push(
            log.add('points.awarded', 'comm1', {
              memberId: 'res1',
              ruleId: 'r1',
              units: 1,
              dutyId: 'duty1',
              reason: '值班',
            }),
          );
        } else if (pick === 2) {
          lines.push(log.add('points.awarded', 'comm2', { memberId: 'res1', amount: rng.int(1, 60), reason: '帮忙' }));
        } else if (pick === 3) {
          lines.push(log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1 }));
        } else if (lines.length > 0) {
          const target = lines[rng.int(0, lines.length - 1)]!;
          // One correction a line: two of one line still go by log order (docs/DECISIONS.md, Points).
          if (target.type === 'points.corrected' || corrected.has(target.id)) continue;
          corrected.add(target.id);
          lines.push(log.add('points.corrected', 'comm2', { targetEventId: target.id, reason: '记错了' }));
        }
        // Now and then a line stamped before earlier ones (a phone's clock behind), or at the same minute.
        const last = lines.at(-1);
        if (last && rng.next() < 0.3) (last as { at: number }).at -= rng.int(0, 5) * 60_000;
      }
      const events = log.events;
      const byTime = [
        ...events.slice(0, base),
        ...[...lines].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
      ].filter((e, i, all) => {
        // Time order may put a correction before its target: the log never does.
        const t = (e as { targetEventId?: string }).targetEventId;
        return !t || all.slice(0, i).some((x) => x.id === t);
      });
      const expected = JSON.stringify(foldEvents(byTime).points.accounts);
      for (let shuffle = 0; shuffle < 4; shuffle++) {
        const order = [...events.slice(0, base)];
        const left = byTime.slice(base);
        while (left.length > 0) {
          const ready = left.filter((e) => {
            const t = (e as { targetEventId?: string }).targetEventId;
            return !t || order.some((x) => x.id === t);
          });
          const next = ready[rng.int(0, ready.length - 1)]!;
          order.push(next);
          left.splice(left.indexOf(next), 1);
        }
        expect(JSON.stringify(foldEvents(order).points.accounts)).toBe(expected);
      }
    }
  });
});
