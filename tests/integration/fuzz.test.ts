import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { fuzzEnv, inProcessTarget } from '../fuzz/fuzzTargets.ts';
import { runFuzz } from '../fuzz/runFuzz.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// The long run is `npm run fuzz` (FUZZ_SEED, FUZZ_FRAMES); this is its short, fixed-seed cousin.
describe('the relay under seeded fuzzing', () => {
  const server = useTestServer(fuzzEnv);

  it('2,000 frames of valid, mutated, awareness and random data close no one but their sender and leave every honest fold equal to the relay’s', async () => {
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const stats = await runFuzz(inProcessTarget(server.server), {
      seed: 20_240_304,
      frames: 2_000,
      checkEvery: 250,
      maxRssBytes: 1_500e6,
    });
    loop.disable();
    stats.maxLoopDelayMs = Math.round(loop.max / 1e6);
    console.log(`fuzz figures: ${JSON.stringify(stats.toJSON())}`);
    expect(stats.frames).toBe(2_000);
    // Each kind reached the relay, and the valid events went through.
    expect(stats.accepted).toBeGreaterThan(0);
    expect(stats.refused.size).toBeGreaterThan(5);
    expect([...stats.validRefused.values()].reduce((a, b) => a + b, 0)).toBe(0);
  }, 180_000);
});
