/**
 * `npm run bench`: fan-out against the reference server, storage size and cold load, validation cost.
 * Prints figures and asserts nothing. Settings (env):
 * - BENCH_ROOMS, BENCH_CLIENTS (per room, one of them the writer), BENCH_SECONDS, BENCH_WARMUP_SECONDS;
 * - BENCH_RATES: events/s each room's writer appends, comma-separated, one phase each (default 2,20,60);
 * - BENCH_REPEATS: runs of each rate on each server, medians reported;
 * - BENCH_SERVER_ENV: "K=V K=V", more environment for our server (e.g. COMPACT_EVERY=100000);
 * - BENCH_REF_PERSIST=1: the reference stores every update with the persistence it ships (y-leveldb), as ours does;
 * - BENCH_SECTIONS: any of fanout,flood,storage,validation,clients,frames,folds,app,agenda,minutes,ledger,volunteers,points,weak,
 *   compaction, and multi (not by default: several instances on Postgres and Redis, see tests/bench/multi.ts);
 * - BENCH_PROFILE: a directory; our server is CPU-profiled during the fan-out (and the flood) and the profile summarized;
 * - flood: BENCH_FLOOD_ROOMS (20), BENCH_FLOOD_CLIENTS (3), BENCH_FLOOD_RATE (20 events/s per room) honest rooms,
 *   BENCH_FLOOD_SECONDS (15) measured per phase, BENCH_FLOOD_MEMBERS (2) hostile members of each of BENCH_FLOOD_KINDS
 *   (valid,invalid,awareness);
 * - minutes (the meeting list needs `npm run build`): BENCH_MINUTES_TYPISTS (30) typing BENCH_MINUTES_RATE (5) chars/s for
 *   BENCH_MINUTES_SECONDS (20) measured after the warm-up.
 */
import { join } from 'node:path';
import { benchAgenda } from './agenda.ts';
import { benchApp } from './app.ts';
import { type FanoutRun, type PhaseResult, runFanout } from './fanout.ts';
import { floodOptions, runFlood } from './flood.ts';
import { printFlood, printFloodHeader } from './floodReport.ts';
import { benchFolds } from './folds.ts';
import { frameCells, hostileFrames, perUnit } from './hostileFrames.ts';
import { benchMinutes, minutesOptions } from './minutesReport.ts';
import { moduleSections } from './moduleSections.ts';
import { benchPastClients } from './pastClients.ts';
import { killAll, removeBenchDirs } from './processes.ts';
import { summarizeProfile } from './profileSummary.ts';
import { f, mb, ratio, table } from './report.ts';
import { coldLoad, loadRow, storageSize } from './storage.ts';
import { validationCost } from './validation.ts';

const num = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isFinite(n) && n > 0 ? n : fallback;
};
const rooms = num('BENCH_ROOMS', 100);
const clients = Math.max(2, num('BENCH_CLIENTS', 3));
const rates = (process.env.BENCH_RATES ?? '2,20,60')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const seconds = num('BENCH_SECONDS', 10);
const warmup = num('BENCH_WARMUP_SECONDS', 2);
const repeats = num('BENCH_REPEATS', 1);
const serverEnv = Object.fromEntries(
  (process.env.BENCH_SERVER_ENV ?? '')
    .split(/\s+/)
    .filter((kv) => kv.includes('='))
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);
const allSections =
  'fanout,flood,storage,validation,clients,frames,folds,app,agenda,minutes,ledger,volunteers,points,weak,compaction';
const sections = new Set((process.env.BENCH_SECTIONS ?? allSections).split(','));

// Every child (servers, load client) dies with us, whatever ends the run.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}
const log = (s: string) => process.stderr.write(`  … ${s}\n`);
const summary: string[] = [];

async function fanoutSection(): Promise<void> {
  const idleMs = 2000;
  const profileDir = process.env.BENCH_PROFILE;
  console.log(
    `\n== 1. Fan-out: ${rooms} rooms x ${clients} clients (${rooms * clients} clients, 1 writer + ${clients - 1} readers per room),` +
      ` ${warmup} s warm-up + ${seconds} s window per rate; clients in a separate process.` +
      `\n   ours: dist-server/sync-server/main.js (compiled by tsc, as npm start runs it), SQLite persistence and validation on, rate limits off; reference: @y/websocket-server 0.1.1, ${process.env.BENCH_REF_PERSIST === '1' ? 'persisting every update with the y-leveldb persistence it ships (YPERSISTENCE)' : 'in memory (BENCH_REF_PERSIST=1: with the y-leveldb persistence it ships)'}.`,
  );
  const [ours, ref] = await runFanout(
    {
      rooms,
      clients,
      rates,
      warmupMs: warmup * 1000,
      durationMs: seconds * 1000,
      repeats,
      serverEnv,
      drainMs: 10_000,
      idleMs,
      ...(profileDir ? { profileDir } : {}),
    },
    log,
  );

  for (let i = 0; i < rates.length; i++) {
    const a = ours.phases[i]!;
    const b = ref.phases[i]!;
    const pct = (p: PhaseResult) => f((100 * p.delivered) / Math.max(1, p.expected), 2);
    const row = (name: string, x: number, y: number, digits = 1, r = true) => [
      name,
      f(x, digits),
      f(y, digits),
      r ? ratio(x, y) : '',
    ];
    table(
      `Writer rate ${a.ratePerRoom}/s per room (offered ${a.offeredPerSec} updates/s in, ${a.offeredPerSec * (clients - 1)} deliveries/s)`,
      ['metric', 'ours', 'reference', 'ours/ref'],
      [
        row('updates/s in (written)', a.updatesInPerSec, b.updatesInPerSec),
        row('deliveries/s (observed by readers)', a.deliveriesPerSec, b.deliveriesPerSec),
        ['delivered within window+drain %', pct(a), pct(b), ''],
        row('latency p50 ms', a.p50, b.p50, 2),
        row('latency p99 ms', a.p99, b.p99, 2),
        row('latency max ms', a.max, b.max, 1),
        row('server CPU % of one core', a.serverCpuPct, b.serverCpuPct),
        row('server RSS MB (end of window)', a.serverRssBytes / 1048576, b.serverRssBytes / 1048576),
        row('load client CPU % of one core', a.clientCpuPct, b.clientCpuPct, 1, false),
        row('other processes CPU % (noise)', a.otherCpuPct, b.otherCpuPct, 0, false),
        row('machine iowait % of one core', a.iowaitPct, b.iowaitPct, 1, false),
      ],
    );
  }
  table(
    'Memory and connections',
    ['metric', 'ours', 'reference'],
    [
      ['clients synced in ms', f(ours.connectMs, 0), f(ref.connectMs, 0)],
      ['server RSS MB before clients', mb(ours.rssBeforeBytes), mb(ref.rssBeforeBytes)],
      ['server RSS MB after all clients left', mb(ours.rssAfterLeaveBytes), mb(ref.rssAfterLeaveBytes)],
      ...(['heap', 'anon', 'files'] as const).map((k) => [
        `  of it ${k === 'heap' ? "glibc's main heap" : k === 'anon' ? 'anonymous maps (V8, arenas)' : 'mapped files'}, before -> after`,
        `${mb(ours.memBefore[k])} -> ${mb(ours.memAfterLeave[k])}`,
        `${mb(ref.memBefore[k])} -> ${mb(ref.memAfterLeave[k])}`,
      ]),
      [
        'server RSS growth MB (after leave - before)',
        mb(ours.rssAfterLeaveBytes - ours.rssBeforeBytes),
        mb(ref.rssAfterLeaveBytes - ref.rssBeforeBytes),
      ],
      [
        `rooms unloaded after leave (ROOM_IDLE_MS=${idleMs})`,
        Number.isFinite(ours.unloadMs) ? `${f(ours.unloadMs / 1000, 1)} s` : 'timed out',
        'never',
      ],
      ['client disconnects during run', String(ours.disconnects), String(ref.disconnects)],
    ],
  );
  for (const run of [ours, ref]) if (run.closes) console.log(`${run.target}: sockets closed by: ${run.closes}`);
  table(
    'Saturation (deliveries/s vs offered)',
    [
      'rate/room',
      'offered',
      'ours/s',
      'ref/s',
      'ours p99',
      'ref p99',
      'ours CPU%',
      'ref CPU%',
      'client CPU%',
      'other CPU%',
    ],
    rates.map((r, i) => {
      const a = ours.phases[i]!;
      const b = ref.phases[i]!;
      return [
        String(r),
        String(a.offeredPerSec * (clients - 1)),
        f(a.deliveriesPerSec, 0),
        f(b.deliveriesPerSec, 0),
        f(a.p99, 1),
        f(b.p99, 1),
        f(a.serverCpuPct, 0),
        f(b.serverCpuPct, 0),
        `${f(a.clientCpuPct, 0)}/${f(b.clientCpuPct, 0)}`,
        `${f(a.otherCpuPct, 0)}/${f(b.otherCpuPct, 0)}`,
      ];
    }),
  );
  if (profileDir) {
    printProfile(profileDir);
    printProfile(join(profileDir, 'reference'), 'The reference', referenceSteps);
  }
  const noisiest = Math.max(...[...ours.phases, ...ref.phases].map((p) => p.otherCpuPct));
  if (noisiest > 20) {
    const note = `other processes used up to ${f(noisiest, 0)}% of a core (of 200%) during the windows: figures are noisy.`;
    console.log(`NOTE: ${note}`);
    summary.push(`Noise: ${note}`);
  }
  summary.push(
    `Fan-out ${rooms} rooms x ${clients} clients, ours/ref (targets: throughput >= 1.00x, p99 <= 1.00x): ` +
      rates
        .map((r, i) => {
          const a = ours.phases[i]!;
          const b = ref.phases[i]!;
          return (
            `${r}/s per room: throughput ${ratio(a.deliveriesPerSec, b.deliveriesPerSec)}, p99 ${f(a.p99, 1)}/${f(b.p99, 1)} ms = ` +
            `${ratio(a.p99, b.p99)}, CPU ${f(a.serverCpuPct, 0)}/${f(b.serverCpuPct, 0)}%`
          );
        })
        .join('; ') +
      '.',
  );
  const knee = (run: FanoutRun) => {
    const bad = run.phases.find(
      (p) => p.delivered < 0.99 * p.expected || p.deliveriesPerSec < 0.95 * p.offeredPerSec * (clients - 1),
    );
    return bad ? `saturates by ${bad.ratePerRoom}/s per room` : `keeps up to ${rates[rates.length - 1]}/s per room`;
  };
  summary.push(`Saturation: ours ${knee(ours)}, reference ${knee(ref)}.`);
  summary.push(
    `RSS after clients left: ours ${mb(ours.rssAfterLeaveBytes)} MB (rooms unloaded) vs ${mb(ours.rssBeforeBytes)} MB before the load` +
      ` = ${ratio(ours.rssAfterLeaveBytes, ours.rssBeforeBytes)} (target <= 1.10x); reference ${mb(ref.rssAfterLeaveBytes)} MB (rooms kept).`,
  );
}

async function floodSection(): Promise<void> {
  const o = floodOptions({ warmupMs: warmup * 1000, serverEnv });
  printFloodHeader(o);
  const profileDir = process.env.BENCH_PROFILE;
  const r = await runFlood({ ...o, ...(profileDir ? { profileDir } : {}) }, log);
  summary.push(printFlood(o, r));
  if (profileDir) printProfile(profileDir);
}

/** Functions to total in the profile, with what they stand for in the relay. */
const relaySteps: Record<string, string> = {
  'take UpdateIntake': 'UpdateIntake.take: validate + fold + apply + store + forward',
  validateSteps: 'validation (reading the update and its events, permissions)',
  'beforeSteps CausalGuard': 'causal rules before applying (the fold asked)',
  'afterSteps CausalGuard': 'causal fold of the accepted events',
  applyUpdate: 'Y.applyUpdate, with the update observers below',
  'flush sqliteDocStore': 'SQLite appends (inserts and commits; checkpoints on a worker)',
  'run Compaction': 'compaction',
  'broadcast Commits': 'forwarding (Connection.send, ws send)',
  writev: 'socket writes (writev syscalls)',
  '(garbage collector)': 'garbage collector',
};

function printProfile(dir: string, whose = 'Our server', steps: Record<string, string> = relaySteps): void {
  const p = summarizeProfile(dir, Object.keys(steps));
  if (!p) {
    console.log(`(no profile found in ${dir})`);
    return;
  }
  const busy = (ms: number) => `${f(ms, 0)} ms`;
  const share = (ms: number) => `${f((100 * ms) / p.busyMs, 1)}%`;
  table(
    `${whose}'s CPU profile over the whole fan-out (${busy(p.busyMs)} busy, ${busy(p.idleMs)} idle): ${p.file}`,
    ['function (self time)', 'ms', 'of busy'],
    p.self.map(([fn, ms]) => [fn, f(ms, 0), share(ms)]),
  );
  table(
    `${whose}: steps (inclusive)`,
    ['step', 'ms', 'of busy'],
    p.steps.map(([fn, ms]) => [steps[fn] ?? fn, f(ms, 0), share(ms)]),
  );
  if (p.eventLoop) {
    console.log(
      `event loop: delay p50 ${p.eventLoop.p50} ms, p99 ${p.eventLoop.p99} ms, max ${p.eventLoop.max} ms; utilization over the server's life ${p.eventLoop.elu}%`,
    );
  }
}

/** The reference's steps, under the same load: what both servers do, to compare with ours. */
const referenceSteps: Record<string, string> = {
  messageListener: 'reading a frame (y-protocols sync and awareness)',
  applyUpdate: 'Y.applyUpdate, with the update observers below',
  updateHandler: 'encoding and forwarding (ws send)',
  writev: 'socket writes (writev syscalls)',
  '(garbage collector)': 'garbage collector',
};

async function storageSection(): Promise<void> {
  console.log('\n== 2. Storage (SQLite, WAL, synchronous=NORMAL)');
  log('10,000 updates: append and compact');
  const s = await storageSize(10_000);
  table(
    `${s.updates} single-event updates in one room`,
    ['metric', 'value'],
    [
      ['raw update bytes (sum)', String(s.rawBytes)],
      ['append µs per update (batched per turn)', f(s.appendUsPerUpdate, 1)],
      ['stored payload bytes before compaction', `${s.storedBefore} (${f(s.storedBefore / s.updates, 1)} B/update)`],
      ['stored payload bytes after compaction', `${s.storedAfter} (${f(s.storedAfter / s.updates, 1)} B/update)`],
      ['compaction ms (encode the live doc, one transaction)', f(s.compactMs, 0)],
      ['SQLite file bytes before / after compaction', `${s.diskBefore.file} / ${s.diskAfter.file}`],
      ['SQLite pages in use, bytes, before / after', `${s.diskBefore.used} / ${s.diskAfter.used}`],
    ],
  );
  log('cold load of 20,000 updates');
  const loads = await coldLoad(20_000);
  table(
    'Loading a room of 20,000 single-event updates',
    ['how', 'rows', 'ms', 'server RSS MB', 'server peak RSS MB', 'detail'],
    loads.map(loadRow),
  );
  summary.push(
    `Storage: ${f(s.storedBefore / s.updates, 0)} B/update stored, ${f(s.storedAfter / s.updates, 1)} B/update after compaction ` +
      `(${ratio(s.storedBefore, s.storedAfter)} smaller); cold load of 20,000 rows ${f(loads[1]?.ms ?? Number.NaN, 0)} ms over ws, ` +
      `${f(loads[2]?.ms ?? Number.NaN, 0)} ms once compacted.`,
  );
}

function validationSection(): void {
  console.log('\n== 3. Validation cost per single-event update');
  log('building a document of 35,000 events');
  const v = validationCost(35_000, 2_000);
  table(
    `Against a public document of ${v.docEvents} events; update ${f(v.updateBytes, 0)} B; ${v.runs} runs`,
    ['step', 'p50 µs', 'p99 µs', 'mean µs'],
    v.timings.map((t) => [t.step, f(t.p50Us, 1), f(t.p99Us, 1), f(t.meanUs, 1)]),
  );
  const [, validate, apply, append] = v.timings as [unknown, { p50Us: number }, { p50Us: number }, { p50Us: number }];
  const share = validate.p50Us / (validate.p50Us + apply.p50Us + append.p50Us);
  console.log(
    `validate / apply = ${ratio(validate.p50Us, apply.p50Us)}; validate share of validate+apply+append (p50) = ${f(share * 100, 0)}%`,
  );
  summary.push(
    `Validation: p50 ${f(validate.p50Us, 1)} µs vs Y.applyUpdate ${f(apply.p50Us, 1)} µs (${ratio(validate.p50Us, apply.p50Us)}),` +
      ` ${f(share * 100, 0)}% of validate+apply+append.`,
  );
}

async function framesSection(): Promise<void> {
  console.log('\n== 3b. One frame at the limits: maximum-size frames of each shape, valid or hostile');
  log('sending each shape three times through the relay core with SQLite storage');
  const { rows, load, maxFrame } = await hostileFrames();
  table(
    `Frames up to ${maxFrame} B; the longest turn between a frame's arrival and its end (forwarded, or its sender closed), wall ms and that turn's CPU ms, median of 3; load ${load.map((l) => f(l)).join(' ')}`,
    ['shape', 'bytes', 'structs', 'events', 'verdict', 'validate', 'longest turn', 'its CPU', 'turns', 'all turns CPU'],
    rows.map(frameCells),
  );
  const worst = rows.reduce((a, b) => (b.longestTurnMs > a.longestTurnMs ? b : a));
  const u = perUnit(rows);
  summary.push(
    `Frames: validation ${f(u.usPerEvent)} µs per event, ${f(u.msPerMB)} ms per MB; the longest turn is ${f(worst.longestTurnMs)} ms (${worst.shape}; goal 50 ms).`,
  );
}

async function foldsSection(): Promise<void> {
  console.log('\n== 4. Folds and documents (five-year sample compound)');
  log('generating the five-year sample and folding it');
  const rows = await benchFolds();
  table(
    'Folds',
    ['figure', 'value', 'target'],
    rows.map((r) => [r.figure, r.value, r.target ?? '']),
  );
  for (const r of rows) if (r.target) summary.push(`${r.figure}: ${r.value} (target ${r.target}).`);
}

async function appSection(): Promise<void> {
  console.log('\n== 5. The app: initial route weight and Lighthouse (mobile, Debian Chromium)');
  log('reading dist/ and running Lighthouse');
  const a = await benchApp();
  const kb = (b: number) => `${f(b / 1024, 1)} KB`;
  const rows = [
    ['initial route JS, gzip', kb(a.initialJsGzip), '<= 120 KB'],
    ['first compound page JS, gzip (+ layout, agenda)', kb(a.compoundJsGzip), ''],
    ['initial route CSS, gzip', kb(a.initialCssGzip), ''],
    ['initial route files', String(a.initialFiles), ''],
    ['all JS chunks, gzip (precached for offline)', kb(a.allJsGzip), ''],
  ];
  if (a.lighthouse) {
    rows.push(
      ['Lighthouse performance (mobile)', String(a.lighthouse.performance), '>= 95'],
      ['Lighthouse accessibility', String(a.lighthouse.accessibility), ''],
      ['first contentful paint ms (simulated)', f(a.lighthouse.fcpMs, 0), ''],
      ['largest contentful paint ms (simulated)', f(a.lighthouse.lcpMs, 0), ''],
      ['total blocking time ms', f(a.lighthouse.tbtMs, 0), ''],
    );
  } else {
    rows.push(['Lighthouse', `failed: ${a.lighthouseError}`, '']);
  }
  table('App', ['figure', 'value', 'target'], rows);
  summary.push(
    `App: initial JS ${kb(a.initialJsGzip)} gzip (target <= 120 KB; with a compound's layout and agenda ${kb(a.compoundJsGzip)}), CSS ${kb(a.initialCssGzip)}; Lighthouse performance ${a.lighthouse?.performance ?? '–'} (target >= 95).`,
  );
}

async function agendaSection(): Promise<void> {
  console.log('\n== 6. Agenda in headless Chromium (five-year sample in IndexedDB)');
  log('loading the five-year sample into a phone-sized page');
  const r = await benchAgenda();
  table(
    'Agenda',
    ['figure', 'value'],
    Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? f(v, 1) : v]),
  );
  summary.push(
    `Agenda, five-year sample: first list ${f(Number(r.listNextVisitMs), 0)} ms on a returning visit (the kept first screen; goal 500 ms), live ${f(Number(r.listNextVisitLiveMs), 0)} ms; on the first visit (nothing kept, cold code) ${f(Number(r.listFirstVisitMs), 0)} ms.`,
  );
}
const started = performance.now();
try {
  if (sections.has('fanout')) await fanoutSection();
  if (sections.has('flood')) await floodSection();
  if (sections.has('storage')) await storageSection();
  if (sections.has('validation')) validationSection();
  if (sections.has('clients')) {
    console.log('\n== 3a. What past phones cost every update');
    summary.push(benchPastClients());
  }
  if (sections.has('frames')) await framesSection();
  if (sections.has('folds')) await foldsSection();
  if (sections.has('app')) await appSection();
  if (sections.has('agenda')) await agendaSection();
  if (sections.has('minutes'))
    summary.push(await benchMinutes(minutesOptions({ warmupMs: warmup * 1000, serverEnv }), log));
  for (const [name, run] of Object.entries(moduleSections)) if (sections.has(name)) summary.push(await run(log));
  console.log('\n== Summary');
  for (const s of summary) console.log(`- ${s}`);
  console.log(`(bench took ${f((performance.now() - started) / 1000, 0)} s)`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  killAll();
  removeBenchDirs();
}
