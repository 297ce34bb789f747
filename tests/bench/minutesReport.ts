import { loadavg } from 'node:os';
import { type MinutesOptions, runMinutes } from './minutes.ts';
import type { MinutesResult } from './minutesClient.ts';
import { benchMeetingList, type MeetingListFigures } from './minutesMeetings.ts';
import { f, ratio, table } from './report.ts';

const num = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The meeting's settings from the environment (BENCH_MINUTES_*, described in run.ts). */
export function minutesOptions(base: { warmupMs: number; serverEnv: Record<string, string> }): MinutesOptions {
  return {
    typists: Math.max(2, num('BENCH_MINUTES_TYPISTS', 30)),
    charsPerSecond: num('BENCH_MINUTES_RATE', 5),
    durationMs: num('BENCH_MINUTES_SECONDS', 20) * 1000,
    ...base,
  };
}

const twoHoursSec = 2 * 3600;

/** Runs the live-minutes section and prints its tables; returns its summary line. */
export async function benchMinutes(o: MinutesOptions, log: (s: string) => void): Promise<string> {
  const load = loadavg();
  console.log(
    `\n== 7. Live minutes: one meeting, ${o.typists} headless stock y-websocket clients each typing ${o.charsPerSecond} Chinese` +
      ` characters/s into Y.Text('notes') near its own caret (${o.typists * o.charsPerSecond} keystrokes/s in,` +
      ` ${o.typists * o.charsPerSecond * (o.typists - 1)} deliveries/s), ${o.warmupMs / 1000} s warm-up + ${o.durationMs / 1000} s window;` +
      `\n   clients in a separate process. ours: a minutes-<id> room of a compound, every typist a committee member, sync limits per` +
      ` connection as shipped, compaction held back until the room unloads; reference: @y/websocket-server 0.1.1, in memory.` +
      `\n   machine load average before: ${load.map((l) => f(l, 2)).join(' ')} (2 cores).`,
  );
  const r = await runMinutes(o, log);
  const a = r.ours;
  const b = r.reference;
  const row = (name: string, pick: (m: MinutesResult) => number, digits = 1, withRatio = true) => [
    name,
    f(pick(a), digits),
    f(pick(b), digits),
    withRatio ? ratio(pick(a), pick(b)) : '',
  ];
  table(
    'Keystroke to peer',
    ['metric', 'ours', 'reference', 'ours/ref'],
    [
      [
        `keystrokes in the window (offered ${(o.typists * o.charsPerSecond * o.durationMs) / 1000})`,
        String(a.keystrokes),
        String(b.keystrokes),
        '',
      ],
      row('of them reached every other typist %', (m) => (100 * m.reachedAll) / Math.max(1, m.keystrokes), 2, false),
      row('to every other typist p50 ms', (m) => m.allP50, 2),
      row('to every other typist p99 ms', (m) => m.allP99, 2),
      row('to every other typist max ms', (m) => m.allMax, 1),
      row('to each other typist p50 ms', (m) => m.eachP50, 2),
      row('to each other typist p99 ms', (m) => m.eachP99, 2),
      row('server CPU % of one core', (m) => m.serverCpuPct, 1),
      row('typists process CPU % of one core', (m) => m.clientCpuPct, 1, false),
      row('other processes CPU % (noise)', (m) => m.otherCpuPct, 0, false),
      row('typists synced in ms', (m) => m.connectMs, 0, false),
      row('disconnects during the run', (m) => m.disconnects, 0, false),
      ['all typists hold the same text', String(a.converged), String(b.converged), ''],
    ],
  );

  const noisiest = Math.max(a.otherCpuPct, b.otherCpuPct);
  const noise =
    noisiest > 20
      ? ` Noise: other processes used up to ${f(noisiest, 0)}% of a core (of 200%) during the windows; the typists' own` +
        ' process, which stamps both ends of each latency, was starved with the servers: figures are noisy.'
      : '';
  if (noise) console.log(`NOTE:${noise}`);

  // Both sizes grow with the characters typed: the log by one row per keystroke, the compacted
  // state by the characters plus one item header per run of one typist's consecutive characters.
  const perChar = (bytes: number) => bytes / Math.max(1, a.typed);
  const charsIn2h = o.typists * o.charsPerSecond * twoHoursSec;
  const kb = (bytes: number) => `${f(bytes / 1024, 1)} KB`;
  const mbs = (bytes: number) => `${f(bytes / 1048576, 1)} MB`;
  table(
    `Our minutes document in SQLite: ${a.typed} characters typed in ${a.typingSec} s (text ${a.textLength} long)`,
    ['metric', 'this run', 'B/char', `2 h (${charsIn2h} chars)`],
    [
      [
        'stored before compaction',
        `${kb(r.before.bytes)} in ${r.before.rows} rows`,
        f(perChar(r.before.bytes), 1),
        mbs(perChar(r.before.bytes) * charsIn2h),
      ],
      [
        'stored after compaction on unload',
        `${kb(r.after.bytes)} in ${r.after.rows} rows`,
        f(perChar(r.after.bytes), 1),
        mbs(perChar(r.after.bytes) * charsIn2h),
      ],
      [
        'Y.encodeStateAsUpdate of a typist',
        kb(a.stateBytes),
        f(perChar(a.stateBytes), 1),
        mbs(perChar(a.stateBytes) * charsIn2h),
      ],
    ],
  );
  console.log(
    `2 h: the per-character figures of this run times ${o.typists} typists x ${o.charsPerSecond}/s x 7200 s (linear: each keystroke` +
      ` adds one stored update, and the same caret behaviour adds items at the same rate). Compacted` +
      ` ${Number.isFinite(r.compactedWithinMs) ? `${f(r.compactedWithinMs / 1000, 1)} s` : 'not'} after the typists left.`,
  );
  log("opening the five-year sample's meeting list in Chromium");
  let list: MeetingListFigures | undefined;
  try {
    list = await benchMeetingList();
    table(
      `Meeting list at phone size, headless Chromium, from IndexedDB offline: ${list.meetings} meetings in ${list.publicEvents} public events`,
      ['figure', 'value'],
      [
        ['first open: navigation to the first meeting shown, ms', String(list.firstOpenMs)],
        ['open again, ms', String(list.openAgainMs)],
        ['meetings shown (upcoming + first page of past)', String(list.shown)],
      ],
    );
  } catch (e) {
    console.log(`Meeting list not measured: ${(e as Error).message}`);
  }
  return (
    `Minutes, ${o.typists} typists x ${o.charsPerSecond}/s: keystroke to every peer p50 ${f(a.allP50, 1)}/${f(b.allP50, 1)} ms =` +
    ` ${ratio(a.allP50, b.allP50)}, p99 ${f(a.allP99, 1)}/${f(b.allP99, 1)} ms = ${ratio(a.allP99, b.allP99)} (ours/ref), server CPU` +
    ` ${f(a.serverCpuPct, 0)}/${f(b.serverCpuPct, 0)}%; document ${f(perChar(r.before.bytes), 0)} B/char stored,` +
    ` ${f(perChar(r.after.bytes), 1)} B/char compacted: 2 h ≈ ${mbs(perChar(r.before.bytes) * charsIn2h)} before,` +
    ` ${mbs(perChar(r.after.bytes) * charsIn2h)} after compaction; ${list ? `${list.meetings}-meeting list opens in ${list.firstOpenMs} ms` : 'meeting list not measured'}.${noise}`
  );
}
