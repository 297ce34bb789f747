/**
 * What one frame costs the relay at its limits: the longest the event loop is blocked by a
 * maximum-size frame of each shape, valid or hostile, through the relay core with SQLite storage.
 * Run alone with `node --import tsx tests/bench/hostileFrames.ts`, or as the `frames` section of
 * `npm run bench`. Prints figures and asserts nothing.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { defaultValidationLimits, validateUpdate } from '../../shared/rules/validateUpdate.ts';
import { installReadAnyFast } from '../../shared/yjs/readAnyFast.ts';
import { readConfig } from '../../sync-server/config.ts';
import { governance } from '../../sync-server/governance.ts';
import { Relay } from '../../sync-server/relay/Relay.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { type Content, type ForgedStruct, forgeUpdate } from '../helpers/forgeUpdate.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import { benchDir, removeBenchDirs } from './processes.ts';

// As the relay does at start: the figures are the server's.
installReadAnyFast();

const maxFrame = readConfig({}).relay.limits.maxFrameBytes;
const limits = defaultValidationLimits;
const X = 0x5eed;
const member: Member = { memberId: 'm1', compoundId: 'c1', name: '李', role: 'committee', party: 'owners' };
let seq = 0;
const raised = () => ({
  id: `b${++seq}`,
  type: 'request.raised',
  at: 1_700_000_000_000,
  by: 'm1',
  title: 't',
  category: 'lighting',
});
const eventBytes =
  forgeUpdate([{ client: 1, clock: 0, structs: [{ content: { any: [raised(), raised()] } }] }]).length / 2;

export interface FrameCost {
  shape: string;
  bytes: number;
  structs: number;
  events: number;
  /** 'applied', or the close code the sender got. */
  verdict: string;
  /** validateUpdate alone, CPU ms. */
  validateMs: number;
  /**
   * The longest turn of the event loop between the frame's arrival and its end (forwarded to the
   * room's readers, or its sender closed): what it holds every other room for. Wall ms, and the CPU
   * ms of that same turn (garbage collection on other threads counts too).
   */
  longestTurnMs: number;
  longestTurnCpuMs: number;
  /** Turns from arrival to end, and CPU ms spent over all of them. */
  turns: number;
  totalCpuMs: number;
}

/** CPU time of this process: what a turn would block an idle core for, whatever else the machine runs. */
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function chain(n: number, content: () => Content, parent = 'events'): ForgedStruct[] {
  const structs: ForgedStruct[] = [{ parent, content: content() }];
  for (let i = 1; i < n; i++) structs.push({ origin: [X, i - 1], content: content() });
  return structs;
}

/** A maximum-size frame of valid events in `structs` items (each after the one before). */
function eventsFilling(structs: number): Uint8Array {
  const per = Math.max(1, Math.floor((maxFrame - 64 - structs * 8) / eventBytes / structs));
  const content = () => ({ any: Array.from({ length: per }, raised) });
  return forgeUpdate([{ client: X, clock: 0, structs: chain(structs, content) }]);
}

interface Shape {
  shape: string;
  doc: string;
  /** Written first by an honest client, not timed. */
  setup?: (doc: Y.Doc) => void;
  frame: (doc: Y.Doc) => Uint8Array;
}

const shapes: Shape[] = [
  { shape: 'one item of valid events (honest shape)', doc: 'public', frame: () => eventsFilling(1) },
  {
    shape: `${limits.maxEventStructs} items of valid events`,
    doc: 'public',
    frame: () => eventsFilling(limits.maxEventStructs),
  },
  { shape: 'one event per item, a chain (refused at the cap)', doc: 'public', frame: () => eventsFilling(20_000) },
  {
    shape: 'one item of text',
    doc: 'minutes-m1',
    frame: () =>
      forgeUpdate([
        { client: X, clock: 0, structs: [{ parent: 'notes', content: { string: 'x'.repeat(maxFrame - 64) } }] },
      ]),
  },
  {
    shape: `${limits.maxStructs} one-letter items, a chain`,
    doc: 'minutes-m1',
    frame: () =>
      forgeUpdate([{ client: X, clock: 0, structs: chain(limits.maxStructs, () => ({ string: 'y' }), 'notes') }]),
  },
  {
    shape: `${limits.maxStructs} one-letter items of as many clients, same origin`,
    doc: 'minutes-m1',
    setup: (doc) => doc.getText('notes').insert(0, 'ab'),
    frame: (doc) => {
      const origin = [doc.clientID, 0] as const;
      return forgeUpdate(
        Array.from({ length: limits.maxStructs }, (_, i) => ({
          client: 1000 + i,
          clock: 0,
          structs: [{ origin, content: { string: 'z' } }],
        })),
      );
    },
  },
  {
    shape: `${limits.maxStructs} delete ranges over text`,
    doc: 'minutes-m1',
    setup: (doc) => {
      for (let i = 0; i < 2 * limits.maxStructs; i += 1000) doc.getText('notes').insert(i, 'w'.repeat(1000));
    },
    frame: (doc) =>
      forgeUpdate(
        [],
        [{ client: doc.clientID, ranges: Array.from({ length: limits.maxStructs }, (_, i) => [2 * i, 1] as const) }],
      ),
  },
  {
    shape: 'a million GC structs (refused at the cap)',
    doc: 'minutes-m1',
    frame: () =>
      forgeUpdate([{ client: X, clock: 0, structs: Array.from({ length: (maxFrame - 64) >> 1 }, () => ({ gc: 1 })) }]),
  },
  {
    shape: 'forward origin (one-frame room crash before)',
    doc: 'public',
    frame: () =>
      forgeUpdate([
        {
          client: X,
          clock: 0,
          structs: [{ origin: [X, 1], content: { any: [raised()] } }, { content: { any: [raised()] } }],
        },
      ]),
  },
];

let readerSend = (): void => undefined;

async function measure(s: Shape): Promise<FrameCost> {
  const storage = openSqliteStorage(benchDir());
  const relay = new Relay(storage.docs, {
    policy: governance(limits),
    compactEvery: 1e9,
    idleMs: 1e9,
    log: () => undefined,
    limits: {
      maxFrameBytes: maxFrame,
      messagesPerSecond: 1e6,
      messageBurst: 1e6,
      bytesPerSecond: 1e9,
      byteBurst: 1e9,
      connectionsPerMember: 10,
      maxBufferedBytes: 1e9,
    },
  });
  const ref = parseDocName(s.doc)!;
  const closes: number[] = [];
  const socket = { bufferedAmount: 0, send: () => undefined, close: (code: number) => void closes.push(code) };
  const attacker = relay.connect(socket, member, ref)!;
  const reader = { ...socket, send: () => readerSend(), close: () => undefined };
  relay.connect(reader, member, ref);
  relay.connect(reader, member, ref);
  const room = relay.room(`c1/${s.doc}`, ref);
  await room.ready;
  const honest = new Y.Doc();
  if (s.setup) {
    s.setup(honest);
    attacker.receive(syncFrame(2, Y.encodeStateAsUpdate(honest)));
    await new Promise((r) => setImmediate(r));
  }
  const update = s.frame(honest);
  const frame = syncFrame(1, update);

  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(room.doc));
  const t = cpuMs();
  let structs = 0;
  let events = 0;
  try {
    const v = validateUpdate(probe, update, member, ref.kind, limits);
    events = v.events.length;
  } catch {
    // Refused: the relay's verdict below says how.
  }
  const validateMs = cpuMs() - t;
  try {
    structs = Y.decodeUpdate(update).structs.length;
  } catch {
    structs = Number.NaN;
  }

  // Ended once it reaches the room's readers or its sender is closed; each turn is timed by a ticker.
  let forwarded = false;
  readerSend = () => {
    forwarded = true;
  };
  const ended = () => forwarded || closes.length > 0;
  const start = cpuMs();
  let t0 = start;
  let w0 = performance.now();
  attacker.receive(frame);
  let longestTurnMs = performance.now() - w0;
  let longestTurnCpuMs = cpuMs() - t0;
  let turns = 1;
  while (!ended() && turns < 10_000) {
    t0 = cpuMs();
    w0 = performance.now();
    await new Promise((r) => setImmediate(r));
    turns++;
    longestTurnMs = Math.max(longestTurnMs, performance.now() - w0);
    longestTurnCpuMs = Math.max(longestTurnCpuMs, cpuMs() - t0);
  }
  const totalCpuMs = cpuMs() - start;
  readerSend = () => undefined;
  const verdict = closes.length ? String(closes[0]) : 'applied';
  await relay.close();
  await storage.close();
  return {
    shape: s.shape,
    bytes: frame.length,
    structs,
    events,
    verdict,
    validateMs,
    longestTurnMs,
    longestTurnCpuMs,
    turns,
    totalCpuMs,
  };
}

/** Every shape, the median of three runs by longest turn, after one untimed round so the JIT has seen the code. */
export async function hostileFrames(): Promise<{ rows: FrameCost[]; load: number[]; maxFrame: number }> {
  for (const s of shapes) await measure(s);
  const rows: FrameCost[] = [];
  for (const s of shapes) {
    const runs = [await measure(s), await measure(s), await measure(s)];
    runs.sort((x, y) => x.longestTurnMs - y.longestTurnMs);
    rows.push(runs[1]!);
  }
  removeBenchDirs();
  return { rows, load: loadavg(), maxFrame };
}

/** One row of the table, as printed alone and in `npm run bench`. */
export function frameCells(r: FrameCost): string[] {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  return [
    r.shape,
    String(r.bytes),
    String(r.structs),
    String(r.events),
    r.verdict,
    f(r.validateMs),
    f(r.longestTurnMs),
    f(r.longestTurnCpuMs),
    String(r.turns),
    f(r.totalCpuMs),
  ];
}

/** Validation cost per event and per byte, from the honest shape. */
export function perUnit(rows: FrameCost[]): { usPerEvent: number; msPerMB: number } {
  const honest = rows[0]!;
  return {
    usPerEvent: (honest.validateMs * 1000) / honest.events,
    msPerMB: honest.validateMs / (honest.bytes / 1024 / 1024),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, load, maxFrame: max } = await hostileFrames();
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  console.log(
    `frames up to ${max} bytes; caps ${limits.maxStructs} structs, ${limits.maxEventStructs} event-log items; load ${load.map(f).join(' ')}`,
  );
  const head = [
    'shape',
    'bytes',
    'structs',
    'events',
    'verdict',
    'validate cpu ms',
    'longest turn ms',
    'its cpu ms',
    'turns',
    'all turns cpu ms',
  ];
  console.log(head.join('\t'));
  for (const r of rows) console.log(frameCells(r).join('\t'));
  const u = perUnit(rows);
  console.log(`validation: ${f(u.usPerEvent)} µs per event, ${f(u.msPerMB)} ms per MB`);
}
