import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

function shop() {
  const log = new TestLog();
  log.add('points.rule.defined', 'comm1', { name: '参加志愿服务', points: 10 }, 'rule1');
  log.add('points.rule.defined', 'comm1', { name: '飞线充电（扣分）', points: -10 }, 'rule2');
  log.add('points.goods.listed', 'comm1', { name: '大米 5公斤', pricePoints: 100, stock: 2 }, 'rice');
  log.add('points.goods.listed', 'comm1', { name: '食用油 5升', pricePoints: 120, stock: 5 }, 'oil');
  return log;
}

describe('the points fold', () => {
  it('awards by rule or amount and redeems rice and oil within the balance', () => {
    const log = shop();
    for (let i = 0; i < 12; i++)
      log.add('points.awarded', 'comm1', { memberId: 'res1', ruleId: 'rule1', reason: '背老人下楼' });
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '见义勇为' });
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1 });
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'oil', quantity: 1 });
    const state = foldEvents(log.events);
    expect(state.anomalies).toEqual([]);
    expect(state.points.accounts.res1?.balance).toBe(220 - 220);
    expect(state.points.accounts.res1?.history.map((h) => h.delta)).toEqual([...Array(12).fill(10), 100, -100, -120]);
    expect(state.points.goods.rice).toMatchObject({ stock: 1, redeemed: 1, supplied: 2 });
    expect(state.points.goods.oil).toMatchObject({ stock: 4, redeemed: 1 });
  });

  it('keeps a redemption beyond the balance at that point in the log and flags it overdrawn', () => {
    const log = shop();
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 90, reason: '志愿服务' });
    const over = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1 });
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 90, reason: '志愿服务' });
    const state = foldEvents(log.events);
    expect(state.points.accounts.res1?.balance).toBe(80);
    expect(state.points.goods.rice?.stock).toBe(1);
    expect(state.anomalies).toEqual([]);
    expect(state.points.accounts.res1?.history.filter((h) => h.overdraft).map((h) => h.eventId)).toEqual([over.id]);
  });

  it('flags a redemption by a member who never earned points', () => {
    const log = shop();
    log.add('points.redeemed', 'comm1', { memberId: 'res9', goodsId: 'rice', quantity: 1 });
    const acct = foldEvents(log.events).points.accounts.res9;
    expect(acct?.balance).toBe(-100);
    expect(acct?.history[0]?.overdraft).toBe(true);
  });

  it('deducts by a negative rule, below zero if need be', () => {
    const log = shop();
    log.add('points.awarded', 'comm1', { memberId: 'res2', ruleId: 'rule2', reason: '私拉飞线' });
    expect(foldEvents(log.events).points.accounts.res2?.balance).toBe(-10);
  });

  it('corrects an award and a redemption once each, keeping every line in the history; a second correction of a line counts for nothing', () => {
    const log = shop();
    const award = log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 150, reason: '志愿服务' });
    const dup = log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 150, reason: '志愿服务' });
    const buy = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 2 });
    log.add('points.corrected', 'comm1', { targetEventId: dup.id, reason: '重复登记' });
    log.add('points.corrected', 'comm1', { targetEventId: buy.id, reason: '退货' });
    const again = log.add('points.corrected', 'comm1', { targetEventId: dup.id, reason: '再次更正' });
    const state = foldEvents(log.events);
    expect(state.points.accounts.res1?.balance).toBe(150);
    expect(state.points.goods.rice).toMatchObject({ stock: 2, redeemed: 0 });
    expect(state.points.accounts.res1?.history.map((h) => h.kind)).toEqual([
      'award',
      'award',
      'redeem',
      'correction',
      'correction',
      'correction',
    ]);
    const second = state.points.accounts.res1?.history.find((h) => h.eventId === again.id);
    expect(second).toMatchObject({ delta: 0, alreadyCorrected: true });
    expect(state.anomalies).toEqual([]);
    expect(award.id).not.toBe(dup.id);
  });

  it('restocks goods and counts stock down past zero only through redemptions the log recorded', () => {
    const log = shop();
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 1000, reason: '年度之星' });
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 3 });
    log.add('points.goods.restocked', 'comm1', { goodsId: 'rice', quantity: 10 });
    expect(foldEvents(log.events).points.goods.rice).toMatchObject({ supplied: 12, redeemed: 3, stock: 9 });
  });

  it('sets the stock to a shelf count by what the counting phone showed, whatever order the log holds the events in', () => {
    const log = shop();
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 1000, reason: '年度之星' });
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'oil', quantity: 1 });
    // The phone showed 4; the shelf holds 2 (two bottles went without a scan).
    log.add('points.goods.counted', 'comm2', { goodsId: 'oil', counted: 2, expected: 4 });
    log.add('points.goods.restocked', 'comm1', { goodsId: 'oil', quantity: 6 });
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'oil', quantity: 1 });
    // Counted again later: one more than the phone showed (a bottle found in the back).
    const over = log.add('points.goods.counted', 'comm1', { goodsId: 'oil', counted: 8, expected: 7 });
    const forward = foldEvents(log.events);
    expect(forward.anomalies).toEqual([]);
    expect(forward.points.goods.oil).toMatchObject({ supplied: 5 - 2 + 6 + 1, redeemed: 2, stock: 8, countedOff: -1 });
    expect(forward.points.goods.oil?.lastCount).toEqual({
      eventId: over.id,
      at: over.at,
      by: 'comm1',
      counted: 8,
      expected: 7,
    });
    // Listed and awarded first, as every causal order has them; the rest in reverse.
    const shuffled = [...log.events.slice(0, 5), ...log.events.slice(5).reverse()];
    expect(foldEvents(shuffled).points.goods.oil).toEqual(forward.points.goods.oil);
    expect(forward.points.goods.rice).toMatchObject({ lastCount: null, countedOff: 0 });
  });

  it('ignores awards under rules or goods that do not exist', () => {
    const log = shop();
    log.add('points.awarded', 'comm1', { memberId: 'res1', ruleId: 'nope', reason: 'x' });
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 500, reason: 'x' });
    log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'nope', quantity: 1 });
    log.add('points.goods.counted', 'comm1', { goodsId: 'nope', counted: 1, expected: 0 });
    expect(foldEvents(log.events).anomalies.map((a) => a.reason)).toEqual([
      { code: 'no_such', thing: 'rule' },
      { code: 'no_such', thing: 'goods' },
      { code: 'no_such', thing: 'goods' },
    ]);
  });
});
