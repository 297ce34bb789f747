import { monitorEventLoopDelay } from 'node:perf_hooks';
import { childProcessTarget } from './fuzzTargets.ts';
import { InvariantError, runFuzz } from './runFuzz.ts';

// The long run by hand: FUZZ_SEED and FUZZ_FRAMES choose it; the server runs as its own process.
const seed = Number(process.env.FUZZ_SEED ?? 1);
const frames = Number(process.env.FUZZ_FRAMES ?? 100_000);
const checkEvery = Number(process.env.FUZZ_CHECK_EVERY ?? 500);
const maxRssMb = Number(process.env.FUZZ_MAX_RSS_MB ?? 1024);
const checkFrom = process.env.FUZZ_CHECK_FROM ? Number(process.env.FUZZ_CHECK_FROM) : undefined;
const maxSeconds = process.env.FUZZ_MAX_SECONDS ? Number(process.env.FUZZ_MAX_SECONDS) : undefined;

const target = await childProcessTarget();
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
console.log(`fuzzing ${target.url}: seed ${seed}, ${frames} frames, folds compared every ${checkEvery}`);
let failed = false;
try {
  const stats = await runFuzz(target, {
    seed,
    frames,
    checkEvery,
    checkFrom,
    maxRssBytes: maxRssMb * 1e6,
    deadline: maxSeconds === undefined ? undefined : Date.now() + maxSeconds * 1000,
    onCheck: (s) =>
      console.log(
        `${s.frames} frames, ${s.accepted} accepted, ${s.frames - s.accepted} refused, ` +
          `rss ${Math.round(target.rssBytes() / 1e6)} MB, max /healthz ${Math.round(s.maxHealthzMs)} ms, ${Math.round((Date.now() - s.startedAt) / 1000)} s`,
      ),
  });
  stats.maxLoopDelayMs = undefined;
  console.log(JSON.stringify({ seed, ...stats.toJSON(), fuzzerLoopDelayMaxMs: Math.round(loop.max / 1e6) }, null, 2));
} catch (e) {
  failed = true;
  console.error(e instanceof InvariantError ? `INVARIANT BROKEN (seed ${seed}): ${e.message}` : e);
  if (e instanceof InvariantError) console.error(JSON.stringify(e.stats?.toJSON(), null, 2));
  const out = target.output();
  if (out) console.error(`server output (last 4000 characters):\n${out.slice(-4000)}`);
} finally {
  await target.stop();
}
process.exit(failed ? 1 : 0);
