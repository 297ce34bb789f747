import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import type { LoadCommand, LoadMessage, LoadPlan, Phase } from './loadClient.ts';
import {
  benchDir,
  exited,
  type ReferenceServer,
  root,
  sleep,
  startOurs,
  startReference,
  track,
  waitFor,
} from './processes.ts';
import { type MemoryMap, memoryMap, rssBytes } from './procStats.ts';

export interface FanoutOptions {
  rooms: number;
  clients: number;
  /** Events per second each room's writer appends, one phase per rate. */
  rates: number[];
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  idleMs: number;
  /** More environment for our server, e.g. COMPACT_EVERY or SQLITE_SYNC. */
  serverEnv: Record<string, string>;
  /** Runs of each rate on each server; figures are the medians. */
  repeats: number;
  /** A directory for a --cpu-prof of our server, if wanted. */
  profileDir?: string;
}

/** How long a server is left alone before its memory is read, before the load and after it. */
const SETTLE_MS = 8000;

export type PhaseResult = Extract<LoadMessage, { kind: 'phase' }>;

export interface FanoutRun {
  target: 'ours' | 'reference';
  connectMs: number;
  phases: PhaseResult[];
  rssBeforeBytes: number;
  rssAfterLeaveBytes: number;
  /** Where the resident memory lies, before the load and once idle after it. */
  memBefore: MemoryMap;
  memAfterLeave: MemoryMap;
  /** How long after the clients left the rooms were unloaded (ours), NaN if never. */
  unloadMs: number;
  disconnects: number;
  /** Close codes and reasons the clients saw, with counts. */
  closes: string;
}

/**
 * Runs the same fan-out load against our relay and against the reference server. Both stay up with their
 * clients connected, and each rate runs on ours then on the reference, so that noise from the machine
 * falls on both alike.
 */
export async function runFanout(o: FanoutOptions, log: (s: string) => void): Promise<[FanoutRun, FanoutRun]> {
  // As shipped: tsx's loader wraps every closure the hot path makes (keepNames), which `npm start` never runs.
  const ours = await startOurs(
    {
      RATE_LIMITS: 'off',
      WS_MESSAGES_PER_SECOND: '1000000',
      WS_MESSAGE_BURST: '1000000',
      WS_BYTES_PER_SECOND: String(1 << 30),
      WS_BYTE_BURST: String(1 << 30),
      MAX_CONNECTIONS_PER_MEMBER: '10000',
      ROOM_IDLE_MS: String(o.idleMs),
      ...o.serverEnv,
      ...(o.profileDir
        ? { NODE_OPTIONS: `--import ${join(root, 'tests/bench/cpuProfile.mjs')}`, BENCH_PROFILE_DIR: o.profileDir }
        : {}),
    },
    undefined,
    true,
  );
  let ref: ReferenceServer | undefined;
  const loads: LoadClient[] = [];
  try {
    // BENCH_REF_PERSIST=1: the reference stores every update too, with the persistence it ships (y-leveldb).
    const reference = await startReference(
      process.env.BENCH_REF_PERSIST === '1',
      o.profileDir && join(o.profileDir, 'reference'),
    );
    ref = reference;
    log(`ours: creating ${o.rooms} compounds with ${o.clients} members each`);
    const ourRooms = await mapLimit(range(o.rooms), 8, async () => {
      const admin = await createCompound(ours.url);
      const readers: Session[] = [];
      for (let j = 1; j < o.clients; j++) readers.push(await addMember(ours.url, admin, { role: 'resident' }));
      return {
        serverUrl: ours.wsUrl,
        room: `${admin.compoundId}/public`,
        writer: { memberId: admin.memberId, token: admin.token },
        readers: readers.map((r) => ({ token: r.token })),
      };
    });
    const refRooms = range(o.rooms).map((i) => ({
      serverUrl: reference.url,
      room: `bench-${i}`,
      writer: { memberId: `writer-${i}` },
      readers: range(o.clients - 1).map(() => ({})),
    }));
    // The members documents the joins opened unload after ROOM_IDLE_MS: start from an idle server, read
    // as settled as the reading after everyone left.
    await sleep(o.idleMs + SETTLE_MS);
    const targets = [
      { name: 'ours' as const, pid: ours.proc.pid!, rooms: ourRooms },
      { name: 'reference' as const, pid: reference.proc.pid!, rooms: refRooms },
    ];
    const runs = targets.map((t) => ({
      target: t.name,
      rssBeforeBytes: rssBytes(t.pid),
      memBefore: memoryMap(t.pid),
      connectMs: 0,
      phases: [] as PhaseResult[],
    }));
    for (const [i, t] of targets.entries()) {
      const load = new LoadClient(t.name, { serverPid: t.pid, rooms: t.rooms });
      loads.push(load);
      runs[i]!.connectMs = await load.connected;
      log(`${t.name}: ${o.rooms * o.clients} clients synced in ${runs[i]!.connectMs.toFixed(0)} ms`);
    }
    for (const ratePerRoom of o.rates) {
      const repeats: PhaseResult[][] = [[], []];
      for (let rep = 0; rep < o.repeats; rep++) {
        for (const [i, t] of targets.entries()) {
          const r = await loads[i]!.phase({
            ratePerRoom,
            warmupMs: o.warmupMs,
            durationMs: o.durationMs,
            drainMs: o.drainMs,
          });
          log(
            `${t.name}: ${ratePerRoom}/s per room: ${r.deliveriesPerSec.toFixed(0)} deliveries/s, p99 ${r.p99.toFixed(1)} ms` +
              ` (other processes ${r.otherCpuPct.toFixed(0)}% CPU)`,
          );
          repeats[i]!.push(r);
        }
      }
      for (const i of [0, 1]) runs[i]!.phases.push(median(repeats[i]!));
    }

    const oursLeft = await loads[0]!.leave();
    const left = Date.now();
    const unloaded = await waitFor(
      () => Date.now() - left >= o.idleMs && busyRooms(ours.dataDir) === 0,
      o.idleMs + 30_000,
      200,
    );
    const unloadMs = unloaded ? Date.now() - left : Number.NaN;
    const refLeft = await loads[1]!.leave();
    // The reference keeps every room forever; it gets the same idle time as ours. Both get SETTLE_MS
    // more, as before the load: an idle relay collects for a few seconds after its last room left.
    await sleep(Math.max(0, o.idleMs - (Date.now() - left)) + SETTLE_MS);
    // Read memory once it has settled (two readings a second apart within 1 MB: V8 returns freed pages
    // about a second after a collection), not after a fixed wait.
    for (const pid of [ours.proc.pid!, reference.proc.pid!]) {
      let last = Number.NEGATIVE_INFINITY;
      await waitFor(
        () => {
          const now = rssBytes(pid);
          const settled = Math.abs(now - last) < 1024 * 1024;
          last = now;
          return settled;
        },
        10_000,
        1000,
      );
    }
    return [
      {
        ...runs[0]!,
        ...oursLeft,
        rssAfterLeaveBytes: rssBytes(ours.proc.pid!),
        memAfterLeave: memoryMap(ours.proc.pid!),
        unloadMs,
      },
      {
        ...runs[1]!,
        ...refLeft,
        rssAfterLeaveBytes: rssBytes(reference.proc.pid!),
        memAfterLeave: memoryMap(reference.proc.pid!),
        unloadMs: Number.NaN,
      },
    ];
  } finally {
    for (const l of loads) l.kill();
    await ours.stop();
    await ref?.stop();
  }
}

/** The load generator in its own process, driven one command at a time. */
export class LoadClient {
  readonly connected: Promise<number>;
  private readonly child: ChildProcess;
  private readonly waiting: ((m: LoadMessage) => void)[] = [];
  private err = '';

  constructor(
    private readonly target: string,
    plan: LoadPlan,
  ) {
    const planPath = join(benchDir(), 'plan.json');
    writeFileSync(planPath, JSON.stringify(plan));
    this.child = track(
      spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/loadClient.ts'), planPath], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    this.child.stderr?.on('data', (d) => {
      this.err += String(d);
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (line.startsWith('BENCH ')) this.waiting.shift()?.(JSON.parse(line.slice(6)) as LoadMessage);
    });
    this.connected = this.next().then((m) => (m.kind === 'connected' ? m.ms : Number.NaN));
  }

  async phase(phase: Phase): Promise<PhaseResult> {
    const reply = this.next();
    this.send({ cmd: 'phase', ...phase });
    const m = await reply;
    if (m.kind !== 'phase') throw new Error(`load client for ${this.target} answered ${m.kind}`);
    return m;
  }

  /** Disconnects every client; resolves with the disconnects (and why) seen before leaving. */
  async leave(): Promise<{ disconnects: number; closes: string }> {
    const reply = this.next();
    this.send({ cmd: 'leave' });
    const m = await reply;
    await exited(this.child);
    if (m.kind !== 'left') return { disconnects: Number.NaN, closes: '' };
    const closes = Object.entries(m.closes).map(([why, n]) => `${n}x ${why}`);
    return { disconnects: m.disconnects, closes: closes.join('; ') };
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private send(c: LoadCommand): void {
    this.child.stdin?.write(`${JSON.stringify(c)}\n`);
  }

  private next(): Promise<LoadMessage> {
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.child.once('exit', (code) =>
        reject(new Error(`load client for ${this.target} exited with ${code}: ${this.err.slice(-2000)}`)),
      );
    });
  }
}

/** Rooms with updates not merged yet (more than one row after the newest merged row): ours merges a room as it unloads. */
function busyRooms(dataDir: string): number {
  const db = new Database(join(dataDir, 'little-stool.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT u.room FROM updates u LEFT JOIN compactions c ON c.room = u.room
          WHERE u.id > coalesce(c.merged_upto, 0) GROUP BY u.room HAVING count(*) > 1)`,
      )
      .get();
    return row?.n ?? 0;
  } finally {
    db.close();
  }
}

/** Each figure's median over repeated runs of one phase. */
function median(results: PhaseResult[]): PhaseResult {
  const out = { ...results[0]! };
  for (const key of Object.keys(out) as (keyof PhaseResult)[]) {
    if (typeof out[key] !== 'number') continue;
    const sorted = results.map((r) => r[key] as number).sort((a, b) => a - b);
    const mid = (sorted.length - 1) / 2;
    (out as Record<string, unknown>)[key] = (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
  }
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    range(Math.min(limit, items.length)).map(async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}
