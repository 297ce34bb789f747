import pg from 'pg';
import type { Storage } from '../Storage.ts';
import { pgAccountStore } from './pgAccountStore.ts';
import { pgBlobStore } from './pgBlobStore.ts';
import { pgDocStore } from './pgDocStore.ts';
import { applyPgSchema } from './schema.ts';

/** Storage on a Postgres server (DATABASE_URL): what several relay instances share. */
export async function openPostgresStorage(url: string, options: { maxConnections?: number } = {}): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection the server dropped must not crash the relay; the pool replaces it.
  pool.on('error', () => {});
  await applyPgSchema(pool);
  const docs = pgDocStore(pool);
  return {
    docs,
    accounts: pgAccountStore(pool),
    blobs: pgBlobStore(pool),
    async close() {
      await docs.flush();
      await pool.end();
    },
  };
}
