import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import type { Storage } from '../../sync-server/storage/Storage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { postgresAvailable, startPostgres, type TestPostgres } from './startPostgres.ts';
import { tempDir } from './startServer.ts';

/**
 * Every storage implementation, each opened fresh, for one contract suite run against all of
 * them; Postgres (started for the file, removed after) only where it is installed.
 */
export function useStorages(): {
  implementations: [string, () => Promise<Storage>][];
  /** A new empty database on the file's Postgres. */
  newDatabase(): Promise<string>;
} {
  let postgres: TestPostgres | undefined;
  beforeAll(async () => {
    if (postgresAvailable) postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  const newDatabase = () => {
    if (!postgres) throw new Error('Postgres is not running');
    return postgres.newDatabase();
  };
  const implementations: [string, () => Promise<Storage>][] = [['sqlite', async () => openSqliteStorage(tempDir())]];
  if (postgresAvailable) implementations.push(['postgres', async () => openPostgresStorage(await newDatabase())]);
  return { implementations, newDatabase };
}

/** `n` updates of one doc, each appending `{ i }` to its event log. */
export function eventUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getArray('events').push([{ i }]);
  return out;
}
