/**
 * The meeting's typists, run in their own process (`node --import tsx tests/bench/minutesClient.ts <plan.json>`):
 * stock y-websocket clients in one minutes room, each typing Chinese characters into `Y.Text('notes')` near
 * its own caret at a fixed rate, every one of them observing the text. Prints one `BENCH <json>` line and exits.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cpuSeconds, machineCpuSeconds, percentile } from './procStats.ts';

export interface MinutesPlan {
  serverUrl: string;
  room: string;
  serverPid: number;
  /** One entry per typist: its token on our server, none on the reference. */
  tokens: (string | undefined)[];
  charsPerSecond: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  seed: number;
}

export interface MinutesResult {
  connectMs: number;
  typists: number;
  /** Characters typed over warm-up and window. */
  typed: number;
  typingSec: number;
  /** Keystrokes typed inside the window, and how many of them reached every other typist. */
  keystrokes: number;
  reachedAll: number;
  /** Keystroke to its arrival at the last of the other typists. */
  allP50: number;
  allP99: number;
  allMax: number;
  /** Keystroke to its arrival at each other typist (one figure per delivery). */
  eachP50: number;
  eachP99: number;
  serverCpuPct: number;
  clientCpuPct: number;
  otherCpuPct: number;
  textLength: number;
  converged: boolean;
  /** Y.encodeStateAsUpdate of one typist's doc at the end. */
  stateBytes: number;
  disconnects: number;
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as MinutesPlan;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const hanzi = '会议纪要业主委员会物业管理小区停车位维修基金电梯更换绿化垃圾分类表决通过反对弃权同意议题讨论决定';

// A seeded generator, so that both servers see the same typing.
let seed = plan.seed >>> 0 || 1;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};

interface Typist {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  caret: Y.RelativePosition | null;
  typed: number;
}

interface Keystroke {
  sent: number;
  arrivals: number;
  last: number;
}

let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
/** `client:clock` of each keystroke typed in the window → when it was typed and its arrivals so far. */
const keystrokes = new Map<string, Keystroke>();
const each: number[] = [];
let disconnects = 0;

const typists: Typist[] = plan.tokens.map((token) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(plan.serverUrl, plan.room, doc, {
    ...(token ? { params: { token } } : {}),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') disconnects++;
  });
  const text = doc.getText('notes');
  // Each keystroke is one clock tick of its typist: what a remote transaction added is its state vector's growth.
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local) return;
    const t = now();
    for (const [client, after] of tr.afterState) {
      for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
        const ks = keystrokes.get(`${client}:${clock}`);
        if (!ks) continue;
        ks.arrivals++;
        ks.last = t;
        each.push(t - ks.sent);
      }
    }
  });
  return { doc, text, provider, caret: null, typed: 0 };
});

const t0 = performance.now();
while (!typists.every((c) => c.provider.synced)) {
  if (performance.now() - t0 > 60_000) {
    console.error(
      `only ${typists.filter((c) => c.provider.synced).length} of ${typists.length} typists synced in 60 s`,
    );
    process.exit(1);
  }
  await sleep(20);
}
const connectMs = performance.now() - t0;

/** One keystroke: mostly at the caret, sometimes a few characters either side of it, as when correcting. */
function type(c: Typist): void {
  const abs = c.caret ? Y.createAbsolutePositionFromRelativePosition(c.caret, c.doc) : null;
  let index = abs ? abs.index : Math.floor(random() * (c.text.length + 1));
  if (random() < 0.2) index += Math.round((random() - 0.5) * 10);
  index = Math.max(0, Math.min(c.text.length, index));
  const sentAt = now();
  const clock = Y.getState(c.doc.store, c.doc.clientID);
  c.text.insert(index, hanzi[Math.floor(random() * hanzi.length)]!);
  // Anchored to the character just typed, so that others' typing before it moves the caret along.
  c.caret = Y.createRelativePositionFromTypeIndex(c.text, index + 1, -1);
  c.typed++;
  if (sentAt >= windowStart && sentAt < windowEnd) {
    keystrokes.set(`${c.doc.clientID}:${clock}`, { sent: sentAt, arrivals: 0, last: Number.NaN });
  }
}

const start = now();
windowStart = start + plan.warmupMs;
windowEnd = windowStart + plan.durationMs;
let cpuStart = 0;
let serverCpuStart = 0;
let machineStart = 0;
let started = false;
// Open loop: each typist is due floor(rate * elapsed + its offset) characters, whatever the server does.
while (now() < windowEnd) {
  const t = now();
  if (!started && t >= windowStart) {
    started = true;
    const cpu = process.cpuUsage();
    cpuStart = cpu.user + cpu.system;
    serverCpuStart = cpuSeconds(plan.serverPid);
    machineStart = machineCpuSeconds().busy;
  }
  const elapsed = (t - start) / 1000;
  for (const [i, c] of typists.entries()) {
    const due = Math.floor(plan.charsPerSecond * elapsed + i / typists.length);
    while (c.typed < due) type(c);
  }
  await sleep(5);
}
const windowSec = plan.durationMs / 1000;
const cpu = process.cpuUsage();
const clientCpuPct = ((cpu.user + cpu.system - cpuStart) / 1e6 / windowSec) * 100;
const serverCpuPct = ((cpuSeconds(plan.serverPid) - serverCpuStart) / windowSec) * 100;
const otherCpuPct = ((machineCpuSeconds().busy - machineStart) / windowSec) * 100 - serverCpuPct - clientCpuPct;

const others = typists.length - 1;
const drainStart = now();
const complete = () => [...keystrokes.values()].every((k) => k.arrivals >= others);
while (!complete() && now() - drainStart < plan.drainMs) await sleep(20);
// Every typist holds the same text once the last keystroke has arrived everywhere.
const texts = typists.map((c) => c.text.toString());
const converged = texts.every((s) => s === texts[0]);

const all = Float64Array.from(
  [...keystrokes.values()].filter((k) => k.arrivals >= others).map((k) => k.last - k.sent),
).sort();
const eachSorted = Float64Array.from(each).sort();
const result: MinutesResult = {
  connectMs,
  typists: typists.length,
  typed: typists.reduce((n, c) => n + c.typed, 0),
  typingSec: (plan.warmupMs + plan.durationMs) / 1000,
  keystrokes: keystrokes.size,
  reachedAll: all.length,
  allP50: percentile(all, 0.5),
  allP99: percentile(all, 0.99),
  allMax: all.length ? all[all.length - 1]! : Number.NaN,
  eachP50: percentile(eachSorted, 0.5),
  eachP99: percentile(eachSorted, 0.99),
  serverCpuPct,
  clientCpuPct,
  otherCpuPct,
  textLength: typists[0]!.text.length,
  converged,
  stateBytes: Y.encodeStateAsUpdate(typists[0]!.doc).byteLength,
  disconnects,
};
const sockets = typists.map((c) => c.provider.ws).filter((ws) => ws !== null);
for (const c of typists) {
  c.provider.destroy();
  c.doc.destroy();
}
for (let waited = 0; waited < 5000 && sockets.some((ws) => ws.readyState !== ws.CLOSED); waited += 20) await sleep(20);
process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
process.exit(0);
