// Preloaded into our server (NODE_OPTIONS=--import) when BENCH_PROFILE is set: Node 20 refuses
// --cpu-prof in NODE_OPTIONS. The in-thread inspector session answers synchronously, so the
// profile can be written from the 'exit' handler.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  // The reference server has no SIGTERM handler of its own: without this it would die without 'exit'.
  if (process.env.BENCH_PROFILE_EXIT_ON_TERM === '1') process.once('SIGTERM', () => process.exit(0));
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // About every second: event-loop utilization vs CPU used (all threads); a busy loop using little CPU
  // is blocked in syscalls or waiting for a core.
  const seconds = [];
  let lastElu = performance.eventLoopUtilization();
  let lastCpu = process.cpuUsage();
  let lastAt = performance.now();
  setInterval(() => {
    const elu = performance.eventLoopUtilization(lastElu);
    const cpu = process.cpuUsage(lastCpu);
    const wall = performance.now() - lastAt;
    lastElu = performance.eventLoopUtilization();
    lastCpu = process.cpuUsage();
    lastAt = performance.now();
    const cpuPct = Math.round((cpu.user + cpu.system) / 10 / wall);
    seconds.push({ at: Math.round(lastAt), wallMs: Math.round(wall), elu: Math.round(elu.utilization * 100), cpuPct });
  }, 1000).unref();
  // Turns that held the loop 20 ms or more (a 5 ms timer fired late), ending at `endUs` on the
  // profile's clock, and garbage collections of 10 ms or more: what held it can be read off the profile.
  const late = [];
  let tick = process.hrtime.bigint();
  setInterval(() => {
    const now = process.hrtime.bigint();
    const gapMs = Number(now - tick) / 1e6;
    tick = now;
    if (gapMs >= 25) late.push({ endUs: Number(now / 1000n), ms: Math.round(gapMs - 5) });
  }, 5).unref();
  const gcs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration >= 10) gcs.push({ kind: e.detail?.kind, ms: Math.round(e.duration), at: Math.round(e.startTime) });
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const elu = Math.round(performance.eventLoopUtilization().utilization * 1000) / 10;
    const lag = {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      elu,
      seconds,
      late,
      gcs,
    };
    writeFileSync(join(dir, `server-${process.pid}.eventloop.json`), JSON.stringify(lag));
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
