import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exposedGc, loadMallocTrim, releaseMemory } from '../../../sync-server/releaseMemory.ts';
import { eventually } from '../../helpers/eventually.ts';

const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
// glibc (not musl, not another OS): where `npm install` builds the addon.
const glibc = Boolean(
  (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime,
);

describe('releaseMemory', () => {
  it('collects once after the turn that asked, however often that turn asked, then once at each later time', async () => {
    const calls: number[] = [];
    const release = releaseMemory(() => calls.push(Date.now()), [100, 300], undefined);
    release();
    release();
    expect(calls).toEqual([]);
    await eventually(() => expect(calls).toHaveLength(1));
    // The later collections come once for both asks.
    await eventually(() => expect(calls).toHaveLength(3));
    release();
    await eventually(() => expect(calls).toHaveLength(6));
  });

  it('trims malloc’s heaps a while after each collection', async () => {
    const log: string[] = [];
    const release = releaseMemory(
      () => log.push('gc'),
      [200],
      () => log.push('trim') > 0,
      50,
    );
    release();
    await eventually(() => expect(log).toEqual(['gc', 'trim', 'gc', 'trim']));
  });
});

describe.runIf(glibc)('malloc_trim, the addon npm install builds', () => {
  it('hands back the pages of freed buffers that glibc keeps by itself', async () => {
    const trim = loadMallocTrim();
    expect(trim, 'sync-server/native/malloc-trim was not built by npm install').toBeTypeOf('function');
    const gc = exposedGc();
    // 64 MB of 4 KB buffers from malloc's heap, and one more above them that stays: free() alone
    // gives back only the top of the heap, which that one holds.
    const allocate = () => {
      const buffers = Array.from({ length: 16_384 }, () => new Uint8Array(4096).fill(1));
      const kept = new Uint8Array(4096).fill(1);
      return { kept, full: rss(), count: buffers.length };
    };
    const { kept, full, count } = allocate();
    expect(count).toBe(16_384);
    await eventually(() => {
      gc();
      trim!();
      expect(full - rss()).toBeGreaterThan(32 * 1024 * 1024);
    });
    expect(kept[0]).toBe(1);
  });
});
