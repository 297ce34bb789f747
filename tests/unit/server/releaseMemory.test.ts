import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../../sync-server/releaseMemory.ts';
import { eventually } from '../../helpers/eventually.ts';

describe('releaseMemory', () => {
  it('collects once after the turn that asked, however often that turn asked, then once at each later time', async () => {
    const calls: number[] = [];
    const release = releaseMemory(() => calls.push(Date.now()), [100, 300]);
    release();
    release();
    expect(calls).toEqual([]);
    await eventually(() => expect(calls).toHaveLength(1));
    // The later collections come once for both asks.
    await eventually(() => expect(calls).toHaveLength(3));
    release();
    await eventually(() => expect(calls).toHaveLength(6));
  });
});
