import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../../sync-server/releaseMemory.ts';
import { eventually } from '../../helpers/eventually.ts';

describe('releaseMemory', () => {
  it('collects once after the turn that asked, however often that turn asked, and once more a little later', async () => {
    const calls: number[] = [];
    const release = releaseMemory(() => calls.push(Date.now()), 200);
    release();
    release();
    expect(calls).toEqual([]);
    await eventually(() => expect(calls).toHaveLength(1));
    // The later collection comes once for both asks.
    await eventually(() => expect(calls).toHaveLength(2));
    release();
    await eventually(() => expect(calls).toHaveLength(4));
  });
});
