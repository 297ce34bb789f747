import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RejectReason, RuleError } from '../../../shared/errors.ts';
import { shanghaiDayStart } from '../../../shared/time.ts';
import { DailyQuotas } from '../../../sync-server/limits/DailyQuotas.ts';
import { eventsAdded } from '../../../sync-server/limits/withQuotas.ts';

const reasonOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof RuleError ? e.reason : String(e);
  }
  return undefined;
};

describe('daily quotas', () => {
  it('refuse a member once their events are spent, or an update that passes their bytes; others are untouched', () => {
    const quotas = new DailyQuotas({ eventsPerDay: 2, bytesPerDay: 100 }, () => shanghaiDayStart('2025-03-01'));
    expect(reasonOf(() => quotas.check('a', 101))).toBe(RejectReason.ByteQuota);
    quotas.charge('a', 2, 10);
    expect(reasonOf(() => quotas.check('a', 1))).toBe(RejectReason.EventQuota);
    quotas.charge('b', 1, 60);
    expect(reasonOf(() => quotas.check('b', 40))).toBeUndefined();
    expect(reasonOf(() => quotas.check('b', 41))).toBe(RejectReason.ByteQuota);
  });

  it('start again at midnight in Shanghai', () => {
    let now = shanghaiDayStart('2025-03-01') + 86_400_000 - 1;
    const quotas = new DailyQuotas({ eventsPerDay: 1, bytesPerDay: 100 }, () => now);
    quotas.charge('a', 1, 1);
    expect(reasonOf(() => quotas.check('a', 1))).toBe(RejectReason.EventQuota);
    now += 1;
    expect(reasonOf(() => quotas.check('a', 1))).toBeUndefined();
  });
});

describe('eventsAdded', () => {
  /** The events a transaction on `doc` added, as the relay's quota counts them. */
  function countOn(doc: Y.Doc, write: () => void): number {
    let counted = -1;
    const on = (tr: Y.Transaction) => {
      counted = eventsAdded(tr);
    };
    doc.on('afterTransaction', on);
    doc.transact(write);
    doc.off('afterTransaction', on);
    return counted;
  }

  it('counts the JSON items an update adds, even merged into earlier structs, and no text', () => {
    const doc = new Y.Doc();
    const events = doc.getArray('events');
    expect(countOn(doc, () => events.push([{ id: '1' }]))).toBe(1);
    expect(countOn(doc, () => events.push([{ id: '2' }, { id: '3' }, { id: '4' }]))).toBe(3);
    expect(countOn(doc, () => doc.getText('notes').insert(0, '会议记录'))).toBe(0);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(remote);
    events.push([{ id: '5' }, { id: '6' }]);
    expect(countOn(remote, () => Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, sv)))).toBe(2);
  });
});
