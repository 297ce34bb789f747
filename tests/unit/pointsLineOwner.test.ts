import { describe, expect, it } from 'vitest';
import type { ArrayDelta } from '../../shared/folds/ArrayDelta.ts';
import { CompoundFold } from '../../shared/folds/CompoundFold.ts';
import { lineOwner } from '../../shared/folds/points.ts';
import { community } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { TestLog } from './support/TestLog.ts';

/**
 * Whose account a line is in, for the relay's `own_line`: one lookup of the fold's record of the
 * line, where it used to walk every account's history on each correction.
 */
describe('the owner of a points line', () => {
  function log(): TestLog {
    const l = new TestLog();
    l.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 30, stock: 5 }, 'rice');
    l.add('points.awarded', 'own1', { memberId: 'res1', amount: 100, reason: '夜间巡逻' }, 'give');
    l.add('points.redeemed', 'own1', { memberId: 'comm1', goodsId: 'rice', quantity: 1 }, 'took');
    l.add('points.awarded', 'own1', { memberId: 'res2', ruleId: 'gone', reason: '没有的规则' }, 'lost');
    l.add('points.corrected', 'own1', { targetEventId: 'give', reason: '记错了' }, 'fix');
    return l;
  }

  it('is read from the fold’s record of the award or redemption, and none for what made no line', () => {
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: log().events }] as ArrayDelta);
    expect(lineOwner(fold.outcomeOf('give'))).toBe('res1');
    expect(lineOwner(fold.outcomeOf('took'))).toBe('comm1');
    // Ignored (its rule does not exist), a correction, an event never written.
    expect(lineOwner(fold.outcomeOf('lost'))).toBeUndefined();
    expect(lineOwner(fold.outcomeOf('fix'))).toBeUndefined();
    expect(lineOwner(fold.outcomeOf('nothing'))).toBeUndefined();
  });

  it('refuses a correction of its author’s own redemption at the relay (own_line)', () => {
    const l = log();
    const { phone, send } = relayCopy(l.events);
    const doc = phone(10);
    const e = l.add('points.corrected', 'comm1', { targetEventId: 'took', reason: '没拿' });
    doc.getArray('events').push([e]);
    expect(() => send(doc, [e], community)).toThrow(/own_line/);
  });
});
