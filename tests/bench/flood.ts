import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { LoadClient, mapLimit, type PhaseResult } from './fanout.ts';
import { type FloodKind, type FloodTally, floodKinds, startHostileFlood } from './hostileFlood.ts';
import type { Phase } from './loadClient.ts';
import { root, startOurs, waitFor } from './processes.ts';
import { rssBytes } from './procStats.ts';

export interface FloodOptions {
  /** Honest rooms, each with one writer and `clients - 1` readers. */
  rooms: number;
  clients: number;
  /** Events per second each honest room's writer appends. */
  ratePerRoom: number;
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  /** Hostile members of each kind in the flooded room. */
  members: Record<FloodKind, number>;
  serverEnv: Record<string, string>;
  /** A directory for a CPU profile of the server, if wanted. */
  profileDir?: string;
}

export interface FloodPhase {
  /** What the honest readers saw in the measured window. */
  honest: PhaseResult;
  /** The server's largest resident set, sampled every 100 ms over the phase. */
  maxRssBytes: number;
  /** CPU of this process (the hostile members, if any), % of one core over the phase. */
  benchCpuPct: number;
  seconds: number;
}

export interface FloodRun {
  quiet: FloodPhase;
  flood: FloodPhase;
  tallies: FloodTally[];
  /** Updates the server stored in the flooded room during the flood: the valid frames it accepted. */
  stored: { rows: number; bytes: number };
  /** Honest clients' disconnects over both phases, and why. */
  disconnects: number;
  closes: string;
}

const num = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The flood's settings from the environment (BENCH_FLOOD_*, described in run.ts). */
export function floodOptions(base: { warmupMs: number; serverEnv: Record<string, string> }): FloodOptions {
  const kinds = (process.env.BENCH_FLOOD_KINDS ?? floodKinds.join(',')).split(',');
  return {
    rooms: num('BENCH_FLOOD_ROOMS', 20),
    clients: Math.max(2, num('BENCH_FLOOD_CLIENTS', 3)),
    ratePerRoom: num('BENCH_FLOOD_RATE', 20),
    durationMs: num('BENCH_FLOOD_SECONDS', 15) * 1000,
    drainMs: 10_000,
    members: Object.fromEntries(
      floodKinds.map((k) => [k, kinds.includes(k) ? num('BENCH_FLOOD_MEMBERS', 2) : 0]),
    ) as Record<FloodKind, number>,
    ...base,
  };
}

/**
 * Honest rooms measured alone, then while hostile members flood one other room of the same server.
 * Our server runs as a child with the sync limits as shipped (per connection and per member), the
 * API limits and daily quotas raised out of the way: the flood is about what one frame costs.
 */
export async function runFlood(o: FloodOptions, log: (s: string) => void): Promise<FloodRun> {
  const server = await startOurs({
    RATE_LIMITS: 'on',
    API_REQUESTS_PER_MINUTE: '1000000',
    API_BURST: '1000000',
    MEMBER_API_REQUESTS_PER_MINUTE: '1000000',
    MEMBER_API_BURST: '1000000',
    MEMBER_EVENTS_PER_DAY: '1000000000',
    MEMBER_BYTES_PER_DAY: '1000000000000',
    // Every honest room reaches the compaction threshold at the same moment: keep that out of both phases.
    COMPACT_EVERY: '1000000',
    ...o.serverEnv,
    ...(o.profileDir
      ? { NODE_OPTIONS: `--import ${join(root, 'tests/bench/cpuProfile.mjs')}`, BENCH_PROFILE_DIR: o.profileDir }
      : {}),
  });
  const pid = server.proc.pid!;
  let load: LoadClient | undefined;
  try {
    log(`creating ${o.rooms} honest compounds with ${o.clients} members each`);
    const honest = await mapLimit(
      Array.from({ length: o.rooms }, (_, i) => i),
      8,
      async () => {
        const admin = await createCompound(server.url);
        const readers: Session[] = [];
        for (let j = 1; j < o.clients; j++) readers.push(await addMember(server.url, admin, { role: 'resident' }));
        return {
          serverUrl: server.wsUrl,
          room: `${admin.compoundId}/public`,
          writer: { memberId: admin.memberId, token: admin.token },
          readers: readers.map((r) => ({ token: r.token })),
        };
      },
    );
    log(`creating the flooded compound with ${hostileCount(o)} hostile residents`);
    const admin = await createCompound(server.url);
    const hostile = {} as Record<FloodKind, Session[]>;
    for (const kind of floodKinds) {
      hostile[kind] = [];
      for (let i = 0; i < o.members[kind]; i++)
        hostile[kind].push(await addMember(server.url, admin, { role: 'resident' }));
    }

    load = new LoadClient('ours', { serverPid: pid, rooms: honest });
    log(`${o.rooms * o.clients} honest clients synced in ${(await load.connected).toFixed(0)} ms`);
    const phase: Phase = {
      ratePerRoom: o.ratePerRoom,
      warmupMs: o.warmupMs,
      durationMs: o.durationMs,
      drainMs: o.drainMs,
    };
    const honestLoad = load;
    const quiet = await watched(pid, () => honestLoad.phase(phase));
    log(`quiet: p50 ${quiet.honest.p50.toFixed(1)} ms, p99 ${quiet.honest.p99.toFixed(1)} ms`);

    const floodedRoom = `${admin.compoundId}/public`;
    const before = storedIn(server.dataDir, floodedRoom);
    const attack = startHostileFlood(server.wsUrl, hostile, admin.memberId);
    let tallies: FloodTally[] = [];
    const flood = await watched(pid, async () => {
      const r = await honestLoad.phase(phase);
      tallies = await attack.stop();
      return r;
    });
    log(`flood: p50 ${flood.honest.p50.toFixed(1)} ms, p99 ${flood.honest.p99.toFixed(1)} ms`);
    const left = await load.leave();
    // The server may still be working through frames that reached it before the members stopped.
    let after = storedIn(server.dataDir, floodedRoom);
    await waitFor(
      () => {
        const now = storedIn(server.dataDir, floodedRoom);
        const settled = now.rows === after.rows;
        after = now;
        return settled;
      },
      30_000,
      1000,
    );
    const stored = { rows: after.rows - before.rows, bytes: after.bytes - before.bytes };
    return { quiet, flood, tallies, stored, ...left };
  } finally {
    load?.kill();
    await server.stop();
  }
}

export const hostileCount = (o: FloodOptions) => floodKinds.reduce((n, k) => n + o.members[k], 0);

function storedIn(dataDir: string, room: string): { rows: number; bytes: number } {
  const db = new Database(join(dataDir, 'little-stool.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[string], { rows: number; bytes: number | null }>(
        'SELECT count(*) AS rows, sum(length(data)) AS bytes FROM updates WHERE room = ?',
      )
      .get(room);
    return { rows: row?.rows ?? 0, bytes: row?.bytes ?? 0 };
  } finally {
    db.close();
  }
}

/** Runs one phase while sampling the server's memory and this process's CPU. */
async function watched(pid: number, run: () => Promise<PhaseResult>): Promise<FloodPhase> {
  let maxRssBytes = rssBytes(pid);
  const sampler = setInterval(() => {
    maxRssBytes = Math.max(maxRssBytes, rssBytes(pid));
  }, 100);
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const honest = await run();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    maxRssBytes = Math.max(maxRssBytes, rssBytes(pid));
    return { honest, maxRssBytes, benchCpuPct: ((used.user + used.system) / 1e6 / seconds) * 100, seconds };
  } finally {
    clearInterval(sampler);
  }
}
