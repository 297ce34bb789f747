import { describe, expect, it } from 'vitest';
import { CompactionQueue } from '../../../sync-server/relay/CompactionQueue.ts';

describe('the relay runs compactions one at a time', () => {
  it('a job starts once the one before it has settled, with a turn of the event loop between them', async () => {
    const queue = new CompactionQueue();
    const seen: string[] = [];
    const job = (name: string) => async () => {
      seen.push(`${name} starts`);
      // The merge spans a turn, as a store's commit does.
      await new Promise((r) => setImmediate(r));
      seen.push(`${name} ends`);
      // A socket's frame that arrives as a merge ends is handled before the next merge starts.
      setImmediate(() => seen.push(`frame after ${name}`));
    };
    await Promise.all([queue.run(job('a')), queue.run(job('b'))]);
    expect(seen).toEqual(['a starts', 'a ends', 'frame after a', 'b starts', 'b ends']);
  });

  it('rests as long as the last job took: what falls due meanwhile runs before the next job', async () => {
    const queue = new CompactionQueue();
    const seen: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const slow = queue.run(async () => {
      seen.push('a starts');
      // A merge that holds the event loop for 30 ms, as a big room's does.
      busy(30);
      // Sockets' work that falls due a few ms after it (a timer here) gets the loop first.
      setTimeout(() => seen.push('work due 5 ms after a'), 5);
      seen.push('a ends');
    });
    const next = queue.run(async () => {
      seen.push('b starts');
    });
    await Promise.all([slow, next]);
    expect(seen).toEqual(['a starts', 'a ends', 'work due 5 ms after a', 'b starts']);
  });

  it('a job that fails does not stop the ones after it', async () => {
    const queue = new CompactionQueue();
    const failing = queue.run(async () => {
      throw new Error('disk full');
    });
    const next = queue.run(async () => undefined);
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBeUndefined();
  });
});
