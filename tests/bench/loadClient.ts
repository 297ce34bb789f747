/**
 * The fan-out load generator, run in its own process (`node --import tsx tests/bench/loadClient.ts <plan.json>`)
 * so that the clients do not share a CPU thread with the server they measure. It opens every provider, then
 * obeys one JSON command per stdin line: a phase (warm-up, measured window, drain) or `leave`. It answers
 * with `BENCH <json>` lines on stdout.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { raised, type Session } from '../helpers/clients.ts';
import { cpuSeconds, machineCpuSeconds, percentile, rssBytes } from './procStats.ts';

export interface LoadPlan {
  serverPid: number;
  rooms: {
    serverUrl: string;
    /** Where the readers connect, when not to the writer's server (another relay instance). */
    readerUrl?: string;
    room: string;
    writer: { memberId: string; token?: string };
    readers: { token?: string }[];
  }[];
}

export interface Phase {
  ratePerRoom: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
}

export type LoadCommand = ({ cmd: 'phase' } & Phase) | { cmd: 'leave' };

export type LoadMessage =
  | { kind: 'connected'; ms: number; clients: number }
  | {
      kind: 'phase';
      ratePerRoom: number;
      offeredPerSec: number;
      windowSec: number;
      writes: number;
      updatesInPerSec: number;
      deliveriesPerSec: number;
      expected: number;
      delivered: number;
      p50: number;
      p99: number;
      max: number;
      serverCpuPct: number;
      serverRssBytes: number;
      clientCpuPct: number;
      /** CPU the rest of the machine used meanwhile (other processes), in % of one core. */
      otherCpuPct: number;
      iowaitPct: number;
      drainMs: number;
      disconnects: number;
    }
  | { kind: 'left'; disconnects: number; closes: Record<string, number> };

const emit = (m: LoadMessage) => process.stdout.write(`BENCH ${JSON.stringify(m)}\n`);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;

interface Client {
  provider: WebsocketProvider;
  doc: Y.Doc;
}

let disconnects = 0;
/** Why sockets closed before we left: `code reason` → count. */
const closes: Record<string, number> = {};
function open(serverUrl: string, room: string, token: string | undefined): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    ...(token ? { params: { token } } : {}),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') disconnects++;
  });
  provider.on('connection-close', (event) => {
    const key = event ? `${event.code} ${event.reason}`.trim() : 'no close frame';
    closes[key] = (closes[key] ?? 0) + 1;
  });
  return { provider, doc };
}

// What readers observed: each delivery's arrival, and the latency of events sent inside the window.
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
let deliveriesInWindow = 0;
let deliveredOfWindow = 0;
let latencies: number[] = [];

function observe(events: Y.Array<unknown>): void {
  events.observe((e) => {
    const t = now();
    for (const d of e.changes.delta) {
      if (!d.insert) continue;
      for (const ev of d.insert as { detail?: string }[]) {
        if (t >= windowStart && t < windowEnd) deliveriesInWindow++;
        const sent = Number(ev.detail);
        if (sent >= windowStart && sent < windowEnd) {
          deliveredOfWindow++;
          latencies.push(t - sent);
        }
      }
    }
  });
}

const writers: { client: Client; session: Session; sent: number }[] = [];
const readers: Client[] = [];
const t0 = performance.now();
for (const room of plan.rooms) {
  const w = open(room.serverUrl, room.room, room.writer.token);
  writers.push({ client: w, session: { memberId: room.writer.memberId } as Session, sent: 0 });
  for (const r of room.readers) {
    const c = open(room.readerUrl ?? room.serverUrl, room.room, r.token);
    observe(c.doc.getArray('events'));
    readers.push(c);
  }
}
const all = [...writers.map((w) => w.client), ...readers];
while (!all.every((c) => c.provider.synced)) {
  if (performance.now() - t0 > 60_000) {
    const synced = all.filter((c) => c.provider.synced).length;
    console.error(`only ${synced} of ${all.length} clients synced in 60 s; closes: ${JSON.stringify(closes)}`);
    process.exit(1);
  }
  await sleep(20);
}
emit({ kind: 'connected', ms: performance.now() - t0, clients: all.length });

const readersPerRoom = plan.rooms[0]?.readers.length ?? 0;

async function runPhase(phase: Phase): Promise<void> {
  const rooms = writers.length;
  const start = now();
  windowStart = start + phase.warmupMs;
  windowEnd = windowStart + phase.durationMs;
  deliveriesInWindow = 0;
  deliveredOfWindow = 0;
  latencies = [];
  for (const w of writers) w.sent = 0;
  let writesInWindow = 0;
  let cpuStart = 0;
  let serverCpuStart = 0;
  let machineStart = { busy: 0, iowait: 0 };
  let started = false;

  // Open loop: each writer is due floor(rate * elapsed + its phase offset) events, whatever the server does.
  while (now() < windowEnd) {
    const t = now();
    if (!started && t >= windowStart) {
      started = true;
      cpuStart = process.cpuUsage().user + process.cpuUsage().system;
      serverCpuStart = cpuSeconds(plan.serverPid);
      machineStart = machineCpuSeconds();
    }
    const elapsed = (t - start) / 1000;
    for (let i = 0; i < rooms; i++) {
      const w = writers[i]!;
      const due = Math.floor(phase.ratePerRoom * elapsed + i / rooms);
      while (w.sent < due) {
        const sentAt = now();
        const events = w.client.doc.getArray('events');
        w.client.doc.transact(() => events.push([raised(w.session, '3号楼门口路灯坏了', { detail: String(sentAt) })]));
        w.sent++;
        if (sentAt >= windowStart && sentAt < windowEnd) writesInWindow++;
      }
    }
    await sleep(2);
  }
  const cpu = process.cpuUsage();
  const windowSec = phase.durationMs / 1000;
  const clientCpuPct = ((cpu.user + cpu.system - cpuStart) / 1e6 / windowSec) * 100;
  const serverCpuPct = ((cpuSeconds(plan.serverPid) - serverCpuStart) / windowSec) * 100;
  const serverRss = rssBytes(plan.serverPid);
  const machine = machineCpuSeconds();
  const otherCpuPct = ((machine.busy - machineStart.busy) / windowSec) * 100 - serverCpuPct - clientCpuPct;
  const iowaitPct = ((machine.iowait - machineStart.iowait) / windowSec) * 100;
  const expected = writesInWindow * readersPerRoom;
  const drainStart = now();
  while (deliveredOfWindow < expected && now() - drainStart < phase.drainMs) await sleep(20);
  const sorted = Float64Array.from(latencies).sort();
  emit({
    kind: 'phase',
    ratePerRoom: phase.ratePerRoom,
    offeredPerSec: phase.ratePerRoom * rooms,
    windowSec,
    writes: writesInWindow,
    updatesInPerSec: writesInWindow / windowSec,
    deliveriesPerSec: deliveriesInWindow / windowSec,
    expected,
    delivered: deliveredOfWindow,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    serverCpuPct,
    serverRssBytes: serverRss,
    clientCpuPct,
    otherCpuPct,
    iowaitPct,
    drainMs: now() - drainStart,
    disconnects,
  });
}

async function leave(): Promise<never> {
  const before = disconnects;
  const closedBefore = { ...closes };
  const sockets = all.map((c) => c.provider.ws).filter((ws) => ws !== null);
  for (const c of all) {
    c.provider.destroy();
    c.doc.destroy();
  }
  // Let the close frames go out before the process ends: wait until every socket says closed.
  for (let waited = 0; waited < 5000 && sockets.some((ws) => ws.readyState !== ws.CLOSED); waited += 20)
    await sleep(20);
  emit({ kind: 'left', disconnects: before, closes: closedBefore });
  process.exit(0);
}

// The parent going away closes our stdin: leave with it rather than hold the sockets open.
const lines = createInterface({ input: process.stdin });
lines.on('close', () => process.exit(1));
for await (const line of lines) {
  const command = JSON.parse(line) as LoadCommand;
  if (command.cmd === 'phase') await runPhase(command);
  else await leave();
}
