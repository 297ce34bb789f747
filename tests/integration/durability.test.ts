import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, connect, createCompound, raised, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  if (postgresAvailable) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

async function updateRows(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r = await client.query<{ n: string }>('SELECT count(*) AS n FROM updates');
  await client.end();
  return Number(r.rows[0]?.n);
}

/** The embedded default, and Postgres where the machine has it (CI requires it). */
const storages: [string, () => Promise<Record<string, string>>][] = [
  ['sqlite', async () => ({})],
  ...(postgresAvailable
    ? [
        ['postgres', async () => ({ DATABASE_URL: await postgres!.newDatabase() })] as [
          string,
          () => Promise<Record<string, string>>,
        ],
      ]
    : []),
];

describe.each(storages)('durability on %s', (_name, storageEnv) => {
  let proc: ServerProcess | undefined;
  let clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.destroy();
    clients = [];
    await proc?.stop();
  });

  it('every update a client saw forwarded survives a SIGKILL of the server under writes', async () => {
    const env: Record<string, string> = { COMPACT_EVERY: '25', ...(await storageEnv()) };
    proc = await startServerProcess({ env });
    const admin = await createCompound(proc.url);
    const bob = await addMember(proc.url, admin, { role: 'resident' });
    const writer = connect(proc.wsUrl, admin);
    const watcher = connect(proc.wsUrl, bob);
    clients = [writer, watcher];
    await Promise.all([synced(writer), synced(watcher)]);
    const seen = new Set<string>();
    watcher.events.observe((e) => {
      for (const d of e.changes.delta) for (const ev of (d.insert as { id: string }[]) ?? []) seen.add(ev.id);
    });
    let writing = true;
    const pump = (async () => {
      let n = 0;
      while (writing) {
        writer.events.push([raised(admin, `写入 ${n++}`)]);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await eventually(() => expect(seen.size).toBeGreaterThan(200));
    await proc.kill();
    writing = false;
    await pump;
    const forwarded = new Set(seen);
    for (const c of clients) c.destroy();
    clients = [];

    proc = await startServerProcess({ dataDir: proc.dataDir, env });
    const fresh = connect(proc.wsUrl, bob, 'public', new Y.Doc());
    clients = [fresh];
    await synced(fresh);
    const stored = new Set((fresh.events.toArray() as { id: string }[]).map((e) => e.id));
    const lost = [...forwarded].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(forwarded.size);
    // The rows are where the setting put them, not in a SQLite file beside it.
    expect(existsSync(join(proc.dataDir, 'little-stool.sqlite'))).toBe(!env.DATABASE_URL);
    if (env.DATABASE_URL) expect(await updateRows(env.DATABASE_URL)).toBeGreaterThan(0);
  });
});
