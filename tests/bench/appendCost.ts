import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { addMember, createCompound } from '../helpers/clients.ts';
import type { TestPostgres } from '../helpers/startPostgres.ts';
import { LoadClient, mapLimit } from './fanout.ts';
import { openLimits } from './idle.ts';
import { benchDir, startOurs, waitFor } from './processes.ts';
import { f, table } from './report.ts';

/** Time until a stock provider that connects to a room nobody has loaded holds its whole document. */
async function coldLoadMs(wsUrl: string, room: string, token: string): Promise<number> {
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const ok = await waitFor(() => provider.synced, 120_000, 5);
  const ms = performance.now() - started;
  provider.destroy();
  doc.destroy();
  return ok ? ms : Number.NaN;
}

/**
 * Postgres against SQLite under the same relay: each update is appended (one row) before it is
 * forwarded, so a reader's delay is the append plus the forward. BENCH_APPEND_ROOMS (20) rooms of a
 * writer and a reader at BENCH_APPEND_RATES (20,100) events/s per room; compaction off, so the
 * rooms' rows stay for the cold load that follows (a fresh process, the room loaded by its first phone).
 */
export async function benchAppendCost(log: (s: string) => void, pg: TestPostgres): Promise<string> {
  const rooms = Number(process.env.BENCH_APPEND_ROOMS ?? 20);
  const rates = (process.env.BENCH_APPEND_RATES ?? '20,100').split(',').map(Number);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rows: string[][] = [];
  const summary: string[] = [];
  const kinds = (process.env.BENCH_APPEND_KINDS ?? 'SQLite,Postgres').split(',') as ('SQLite' | 'Postgres')[];
  for (const kind of kinds) {
    const url = kind === 'Postgres' ? await pg.newDatabase() : undefined;
    const env = {
      ...openLimits,
      COMPACT_EVERY: process.env.BENCH_APPEND_COMPACT_EVERY ?? '100000000',
      ...(url ? { DATABASE_URL: url } : {}),
    };
    const dataDir = benchDir();
    let server = await startOurs(env, dataDir);
    const plan = await mapLimit(
      Array.from({ length: rooms }, (_, i) => i),
      8,
      async () => {
        const admin = await createCompound(server.url);
        const reader = await addMember(server.url, admin, { role: 'resident' });
        return {
          serverUrl: server.wsUrl,
          room: `${admin.compoundId}/public`,
          writer: { memberId: admin.memberId, token: admin.token },
          readers: [{ token: reader.token }],
        };
      },
    );
    const load = new LoadClient(`append ${kind}`, { serverPid: server.proc.pid!, rooms: plan });
    const figures: string[] = [];
    try {
      await load.connected;
      for (const rate of rates) {
        const r = await load.phase({ ratePerRoom: rate, warmupMs: 2000, durationMs: seconds * 1000, drainMs: 30_000 });
        // Past saturation deliveries come after the window: count what was appended until all arrived.
        const sustained = r.delivered / (r.windowSec + r.drainMs / 1000);
        log(
          `append ${kind} at ${rate * rooms}/s: ${f(r.deliveriesPerSec, 0)} appends/s, p50 ${f(r.p50, 1)} ms, p99 ${f(r.p99, 1)} ms`,
        );
        figures.push(`${f(sustained, 0)}/s p99 ${f(r.p99, 1)} ms`);
        rows.push([
          kind,
          String(rate * rooms),
          f(sustained, 0),
          `${r.delivered}/${r.expected}`,
          f(r.p50, 1),
          f(r.p99, 1),
          f(r.serverCpuPct, 0),
          f(r.clientCpuPct, 0),
          '',
          '',
        ]);
      }
      const left = await load.leave();
      if (left.closes) log(`append ${kind}: sockets closed before leaving: ${left.closes}`);
    } finally {
      load.kill();
      const errors = server.output().trim();
      if (errors) log(`append ${kind}: the relay said ${errors.slice(-600)}`);
      // Killed: a graceful stop would compact each room as it unloads.
      await server.kill();
    }
    // The first room again, in a fresh process: nothing of it in memory. Uncompacted first, then
    // after the graceful stop of that process compacted it.
    const first = plan[0]!;
    const loads: string[] = [];
    for (const state of ['uncompacted', 'compacted']) {
      const storage = url ? await openPostgresStorage(url) : openSqliteStorage(dataDir);
      const stored = await storage.docs.count(first.room);
      const bytes = await storage.docs.bytes(first.room);
      await storage.close();
      server = await startOurs(env, dataDir);
      try {
        const ms = await coldLoadMs(server.wsUrl, first.room, first.writer.token!);
        log(`append ${kind}: cold load of a room of ${stored} rows (${state}) in ${f(ms, 0)} ms`);
        rows.push([
          `${kind}, cold load, ${state}`,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          `${stored} (${f(bytes / 1024, 0)} KiB)`,
          f(ms, 0),
        ]);
        loads.push(`${f(ms, 0)} ms for ${stored} rows`);
      } finally {
        await server.stop();
      }
    }
    summary.push(`${kind} ${figures.join(', ')}, cold load ${loads.join(' / ')}`);
  }
  table(
    `Postgres vs SQLite through the relay (${rooms} rooms of a writer and a reader, ${seconds} s per rate; a delivery waits for its append)`,
    [
      'storage',
      'offered/s',
      'appends/s',
      'delivered',
      'p50 ms',
      'p99 ms',
      'server CPU %',
      'load client CPU %',
      'rows',
      'cold load ms',
    ],
    rows,
  );
  return `appends: ${summary.join('; ')}`;
}
