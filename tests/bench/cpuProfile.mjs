// Preloaded into our server (NODE_OPTIONS=--import) when BENCH_PROFILE is set: Node 20 refuses
// --cpu-prof in NODE_OPTIONS. The in-thread inspector session answers synchronously, so the
// profile can be written from the 'exit' handler.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
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
  process.on('exit', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const elu = Math.round(performance.eventLoopUtilization().utilization * 1000) / 10;
    const lag = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), elu, seconds };
    writeFileSync(join(dir, `server-${process.pid}.eventloop.json`), JSON.stringify(lag));
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
