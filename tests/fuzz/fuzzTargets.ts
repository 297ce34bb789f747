import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServerProcess } from '../helpers/serverProcess.ts';
import type { TestServer } from '../helpers/startServer.ts';
import type { FuzzTarget } from './runFuzz.ts';

/**
 * The server's settings under fuzzing: daily quotas off (a long run writes more events than a member
 * may in a day); the per-connection limits stay as shipped.
 */
export const fuzzEnv = { RATE_LIMITS: 'off' } as const;

/** The real server in this process (the integration test): RSS and event-loop delay are shared with the fuzzer. */
export function inProcessTarget(server: TestServer): FuzzTarget {
  return {
    url: server.url,
    wsUrl: server.wsUrl,
    storedUpdates: (room) => server.storage.docs.load(room),
    rssBytes: () => process.memoryUsage().rss,
  };
}

/** The built-from-source server as its own process: its RSS and `/healthz` delays are its own. */
export async function childProcessTarget(): Promise<FuzzTarget & { stop(): Promise<void>; output(): string }> {
  const proc = await startServerProcess({ env: { ...fuzzEnv, LOG: 'error' } });
  // A second, read-only connection: WAL lets it read what the server committed while it writes.
  const db = new Database(join(proc.dataDir, 'little-stool.sqlite'), { readonly: true });
  const load = db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY id');
  return {
    url: proc.url,
    wsUrl: proc.wsUrl,
    storedUpdates: async (room) =>
      load.all(room).map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
    rssBytes: () => {
      const status = readFileSync(`/proc/${proc.proc.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    output: proc.output,
    async stop() {
      db.close();
      await proc.stop();
    },
  };
}
