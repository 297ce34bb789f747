import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { CompoundFold, foldEvents, thankedMembers, thanksWallOn } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('the thanks wall setting', () => {
  it('is off in a compound that never set it', () => {
    const log = new TestLog();
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 10, reason: '志愿服务' });
    const points = foldEvents(log.events).points;
    expect(points.thanksWall).toBeNull();
    expect(thanksWallOn(points)).toBe(false);
  });

  it('follows the latest set: on, then off, then on again', () => {
    const log = new TestLog();
    log.add('points.thanks-wall.set', 'comm1', { on: true });
    expect(thanksWallOn(foldEvents(log.events).points)).toBe(true);
    log.add('points.thanks-wall.set', 'comm2', { on: false });
    expect(thanksWallOn(foldEvents(log.events).points)).toBe(false);
    const last = log.add('points.thanks-wall.set', 'comm1', { on: true });
    expect(foldEvents(log.events).points.thanksWall).toEqual({ on: true, eventId: last.id, at: last.at, by: 'comm1' });
  });

  it('resolves concurrent sets by time then id, whatever order the log holds them in', () => {
    const at = Date.parse('2024-05-06T02:00:00Z');
    const set = (id: string, when: number, on: boolean): AppEvent => ({
      id,
      type: 'points.thanks-wall.set',
      at: when,
      by: 'comm1',
      on,
    });
    // Two offline phones set it in the same millisecond: the larger id holds; an older set never wins.
    const events = [set('a-on', at, true), set('b-off', at, false), set('c-on', at - 60_000, true)];
    for (const order of permutations(events)) {
      expect(foldEvents(order).points.thanksWall).toMatchObject({ on: false, eventId: 'b-off' });
      const fold = new CompoundFold();
      for (const e of order) fold.applyDelta([{ insert: [e] }]);
      expect(fold.state.points.thanksWall).toMatchObject({ on: false, eventId: 'b-off' });
    }
  });

  it('an earlier set landing before a later one in the log leaves the later one in force', () => {
    const log = new TestLog();
    const first = log.add('points.thanks-wall.set', 'comm1', { on: true });
    const second = log.add('points.thanks-wall.set', 'comm2', { on: false });
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: [second] }]);
    fold.applyDelta([{ insert: [first] }]);
    expect(fold.state.points.thanksWall).toMatchObject({ on: false, eventId: second.id });
  });
});

describe('the members a thanks wall lists', () => {
  it('lists members awarded points that month, not those corrected away, deducted or only redeeming', () => {
    const log = new TestLog();
    log.at = Date.parse('2024-04-30T15:30:00Z');
    // 2024-04-30 23:31 in Shanghai: April, not May.
    log.add('points.awarded', 'comm1', { memberId: 'april', amount: 10, reason: '志愿服务' });
    log.at = Date.parse('2024-05-06T01:00:00Z');
    log.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 10, stock: 5 }, 'rice');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 10, reason: '志愿服务' });
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 30, reason: '随手拍' });
    const wrong = log.add('points.awarded', 'comm1', { memberId: 'res2', amount: 10, reason: '志愿服务' });
    log.add('points.corrected', 'comm1', { targetEventId: wrong.id, reason: '记错了人' });
    log.add('points.awarded', 'comm1', { memberId: 'res3', amount: -10, reason: '飞线充电' });
    log.add('points.awarded', 'comm1', { memberId: 'april', amount: 10, reason: '志愿服务' });
    log.add('points.redeemed', 'comm1', { memberId: 'april', goodsId: 'rice', quantity: 1 });
    log.add('points.redeemed', 'comm1', { memberId: 'res4', goodsId: 'rice', quantity: 1 });
    const points = foldEvents(log.events).points;
    expect(thankedMembers(points, '2024-05').sort()).toEqual(['april', 'res1']);
    expect(thankedMembers(points, '2024-04')).toEqual(['april']);
    expect(thankedMembers(points, '2024-06')).toEqual([]);
    expect(thankedMembers(points, '2023-12')).toEqual([]);
  });
});
