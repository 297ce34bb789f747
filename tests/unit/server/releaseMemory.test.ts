import { describe, expect, it } from 'vitest';
import { releaseMemoryWhenIdle } from '../../../sync-server/releaseMemory.ts';
import { eventually } from '../../helpers/eventually.ts';

describe('releaseMemoryWhenIdle', () => {
  it('collects once each time the last room leaves memory, never while rooms are loaded or already idle', async () => {
    let rooms = 0;
    const calls: unknown[] = [];
    let checks = 0;
    const stop = releaseMemoryWhenIdle(
      () => {
        checks++;
        return rooms;
      },
      5,
      (options) => calls.push(options),
    );
    try {
      // Idle from the start: nothing to give back.
      await eventually(() => expect(checks).toBeGreaterThan(3));
      expect(calls).toEqual([]);
      rooms = 2;
      const seen = checks;
      await eventually(() => expect(checks).toBeGreaterThan(seen + 2));
      expect(calls).toEqual([]);
      rooms = 0;
      await eventually(() => expect(calls).toEqual([{ type: 'major', flavor: 'last-resort' }]));
      const after = checks;
      await eventually(() => expect(checks).toBeGreaterThan(after + 3));
      expect(calls).toHaveLength(1);
      rooms = 1;
      const loaded = checks;
      await eventually(() => expect(checks).toBeGreaterThan(loaded + 1));
      rooms = 0;
      await eventually(() => expect(calls).toHaveLength(2));
    } finally {
      stop();
    }
  });
});
