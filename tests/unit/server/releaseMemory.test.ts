import { describe, expect, it } from 'vitest';
import { releaseMemory } from '../../../sync-server/releaseMemory.ts';
import { eventually } from '../../helpers/eventually.ts';

describe('releaseMemory', () => {
  it('collects once, after the turn that asked, however often that turn asked', async () => {
    const calls: unknown[] = [];
    const release = releaseMemory((options) => calls.push(options));
    release();
    release();
    expect(calls).toEqual([]);
    await eventually(() => expect(calls).toEqual([{ type: 'major', flavor: 'last-resort' }]));
    release();
    await eventually(() => expect(calls).toHaveLength(2));
  });
});
