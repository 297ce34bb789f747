import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { awardSuggestions, historyLines, overdrafts } from '../../shared/folds/pointsQueries.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
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

describe('one redemption code scanned at two counters offline', () => {
  const rice = (ticket: string) => ({ memberId: 'res1', goodsId: 'rice', quantity: 1, ticket });

  it('counts the earlier scan by (at, id) and keeps the other, counting for nothing, in every merge order', () => {
    // Before: the scan Yjs put second in the log was dropped as ticket_used, so which one counted
    // (and which was listed) followed the merge order.
    const log = counter();
    const base = [...log.events];
    const first = log.add('points.redeemed', 'comm1', rice('same'));
    const second = log.add('points.redeemed', 'own1', rice('same'));
    const results = merged(base, [first], [second]);
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.anomalies).toEqual([]);
      expect(r.points.accounts.res1?.balance).toBe(0);
      expect(r.points.goods.rice?.stock).toBe(8);
      const lines = r.history.map((l) => [l.entry.eventId, l.entry.delta, l.entry.ticketUsed, l.entry.overdraft]);
      expect(lines.slice(0, 2)).toEqual([
        [second.id, 0, true, false],
        [first.id, -100, false, false],
      ]);
    }
  });

  it('counts the other scan once the counting one is corrected, in every merge order', () => {
    // Before: a correction of the scan that counted left the code counting for neither in one
    // merge order (the goods left counter B for nothing), and for B in the other.
    const log = counter();
    const base = [...log.events];
    const first = log.add('points.redeemed', 'comm1', rice('same'));
    const fix = log.add('points.corrected', 'comm1', { targetEventId: first.id, reason: '扫错了，没给大米' });
    const second = log.add('points.redeemed', 'own1', rice('same'));
    const results = merged(base, [first, fix], [second]);
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.anomalies).toEqual([]);
      expect(r.points.accounts.res1?.balance).toBe(0);
      expect(r.points.goods.rice?.stock).toBe(8);
      const delta = (id: string) => r.history.find((l) => l.entry.eventId === id)?.entry;
      // The code passed to B's scan: A's and its correction count for nothing, nothing is flagged.
      expect(delta(second.id)).toMatchObject({ delta: -100, ticketUsed: false, overdraft: false });
      expect(delta(first.id)).toMatchObject({ delta: 0, ticketUsed: false });
      expect(delta(fix.id)).toMatchObject({ delta: 0, alreadyCorrected: false });
    }
  });

  it('counts the other scan when the committee corrects the counting one after both synced', () => {
    const log = counter();
    const first = log.add('points.redeemed', 'comm1', rice('same'));
    const second = log.add('points.redeemed', 'own1', rice('same'));
    log.add('points.corrected', 'comm2', { targetEventId: first.id, reason: '柜台一扫错了' });
    const head = log.events.slice(0, -3);
    const fix = log.events.at(-1) as AppEvent;
    for (const events of [log.events, [...head, second, first, fix]]) {
      const s = foldEvents(events);
      expect(s.points.accounts.res1?.balance).toBe(0);
      expect(s.points.accounts.res1?.history.find((h) => h.eventId === second.id)?.delta).toBe(-100);
      expect(s.points.goods.rice?.stock).toBe(8);
    }
    // Both scans corrected: the code counts for neither, and each correction takes back what its scan counted.
    log.add('points.corrected', 'comm2', { targetEventId: second.id, reason: '柜台二也扫错了' });
    const s = foldEvents(log.events);
    expect(s.points.accounts.res1?.balance).toBe(100);
    expect(s.points.goods.rice?.stock).toBe(9);
  });
});

describe('one line corrected on two phones offline', () => {
  it('takes the line back once, by the earlier correction by (at, id); the other is kept and counts for nothing, in every merge order', () => {
    // Before: the correction Yjs put second was dropped as already_corrected, so which reason stood
    // followed the merge order.
    const log = counter();
    const award = log.events.at(-1) as AppEvent;
    const base = [...log.events];
    const early = log.add('points.corrected', 'comm1', { targetEventId: award.id, reason: '发错了人' });
    const late = log.add('points.corrected', 'own1', { targetEventId: award.id, reason: '重复登记' });
    const results = merged(base, [early], [late]);
    expect(results[1]).toEqual(results[0]);
    for (const r of results) {
      expect(r.anomalies).toEqual([]);
      expect(r.points.accounts.res1?.balance).toBe(0);
      const line = (id: string) => r.history.find((l) => l.entry.eventId === id)?.entry;
      expect(line(early.id)).toMatchObject({ delta: -100, alreadyCorrected: false });
      expect(line(late.id)).toMatchObject({ delta: 0, alreadyCorrected: true });
    }
  });

  it('refuses a correction whose author held one of the same line (already_corrected), wherever its time puts it', () => {
    const log = counter();
    const award = log.events.at(-1) as AppEvent;
    const { phone, send, relay } = relayCopy(log.events);
    const a = phone(10);
    const first = log.add('points.corrected', 'comm1', { targetEventId: award.id, reason: '发错了人' });
    a.getArray('events').push([first]);
    send(a, [first], community);
    const b = phone(20, relay);
    // Stamped before the one it saw, it would take the line back in that one's place.
    const again = {
      ...log.add('points.corrected', 'own1', { targetEventId: award.id, reason: '再改' }),
      at: first.at - 1,
    };
    b.getArray('events').push([again]);
    expect(() => send(b, [again], owners)).toThrow(/already_corrected/);
  });
});

/**
 * An account folds a line stamped after every other from the account as it stands, and anything
 * else by walking its history again: both ways must say the same. Random accounts (repeated awards
 * for one shift, redemptions past the balance, codes scanned twice, corrections, two of one line,
 * some stamped before what they correct as a phone whose clock is behind would) folded with their events in time order and in shuffled
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
          // Now and then a code scanned again (at another counter offline).
          const ticket = `t${rng.int(0, 3)}`;
          lines.push(log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket }));
        } else if (lines.length > 0) {
          const target = lines[rng.int(0, lines.length - 1)]!;
          // Now and then a line corrected twice (two phones offline).
          if (target.type === 'points.corrected' || (corrected.has(target.id) && rng.next() < 0.7)) continue;
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
