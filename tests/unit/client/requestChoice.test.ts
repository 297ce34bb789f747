import { describe, expect, it } from 'vitest';
import { openRequestChoices, requestChoiceLabel } from '../../../client/ui/requestChoice.ts';
import type { RequestState } from '../../../shared/folds/index.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { TestLog } from '../support/TestLog.ts';

describe('a request as a choice in a picker', () => {
  it('says its building and the day it was raised, so two of the same title are told apart', () => {
    const at = Date.parse('2026-12-05T02:00:00Z');
    expect(requestChoiceLabel({ title: '路灯不亮', building: '5号楼', raisedAt: at })).toBe(
      '路灯不亮 · 5号楼 · 12月5日',
    );
    expect(requestChoiceLabel({ title: '路灯不亮', building: null, raisedAt: at })).toBe('路灯不亮 · 12月5日');
  });

  it('offers open requests newest first, at most a hundred, and keeps the one already chosen', () => {
    const log = new TestLog();
    for (let i = 0; i < 120; i++) log.add('request.raised', 'res1', { title: `诉求${i}`, category: 'other' }, `r${i}`);
    log.add('request.withdrawn', 'res1', { requestId: 'r119', reason: '已解决' });
    const all = Object.values(foldEvents(log.events).agenda.requests) as RequestState[];
    const offered = openRequestChoices(all, undefined);
    expect(offered).toHaveLength(100);
    expect(offered[0]?.id).toBe('r118');
    expect(offered.some((r) => r.id === 'r119')).toBe(false);
    // An old one already chosen stays offered, first.
    expect(openRequestChoices(all, 'r3')[0]?.id).toBe('r3');
  });
});
