import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../Storage.ts';
import { applySchema } from './schema.ts';
import { sqliteAccountStore } from './sqliteAccountStore.ts';
import { sqliteBlobStore } from './sqliteBlobStore.ts';
import { sqliteDocStore } from './sqliteDocStore.ts';

export interface SqliteOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` survives a killed process. */
  synchronous?: 'full' | 'normal';
}

/** The embedded default storage: one SQLite file in DATA_DIR, WAL mode. */
export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'little-stool.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  applySchema(db);
  const docs = sqliteDocStore(db);
  return {
    docs,
    accounts: sqliteAccountStore(db),
    blobs: sqliteBlobStore(db),
    async close() {
      docs.flush();
      db.close();
    },
  };
}
