import { describe, expect, it } from 'vitest';
import { compactionPlan, maxMergedRows, tailShare } from '../../../sync-server/relay/compactionPlan.ts';

const base = 1_000_000;

describe('a compaction merges the tail, and everything only by the size rule', () => {
  it('a room without a merged row gets its first one by a full merge', () => {
    expect(compactionPlan({ merged: [], fresh: 500, freshBytes: 70_000 })).toBe('full');
    expect(compactionPlan({ merged: [], fresh: 0, freshBytes: 0 })).toBeNull();
  });

  it('the rows appended since the last merge are merged as a tail while they are small beside the oldest row', () => {
    expect(compactionPlan({ merged: [base, 70_000, 70_000], fresh: 500, freshBytes: 70_000 })).toBe('tail');
    expect(compactionPlan({ merged: [base], fresh: 0, freshBytes: 0 })).toBeNull();
  });

  it('tail rows outgrowing their share of the oldest row bring a full merge', () => {
    const tails = [100_000, 100_000];
    const freshBytes = base * tailShare - 200_000 + 1;
    expect(compactionPlan({ merged: [base, ...tails], fresh: 500, freshBytes })).toBe('full');
    expect(compactionPlan({ merged: [base, ...tails], fresh: 500, freshBytes: freshBytes - 1 })).toBe('tail');
  });

  it('a full merge comes before the merged rows outnumber the bound, however small they are', () => {
    const merged = [base, ...Array.from({ length: maxMergedRows - 2 }, () => 10)];
    expect(compactionPlan({ merged, fresh: 500, freshBytes: 10 })).toBe('tail');
    expect(compactionPlan({ merged: [...merged, 10], fresh: 500, freshBytes: 10 })).toBe('full');
  });
});
