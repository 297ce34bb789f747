import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';
import { applyPgSchema } from './postgres/schema.ts';

/** The tables a data directory holds, parents first, with their columns in one order. */
const tables = [
  ['compounds', ['compound_id', 'name', 'created_at']],
  ['members', ['member_id', 'compound_id', 'name', 'role', 'party', 'unit', 'token_hash', 'joined_at', 'revoked_at']],
  [
    'invites',
    ['code', 'compound_id', 'role', 'party', 'unit', 'max_uses', 'uses', 'expires_at', 'created_by', 'revoked_at'],
  ],
  ['blobs', ['compound_id', 'hash', 'type', 'bytes']],
  ['updates', ['id', 'room', 'data']],
] as const;

export interface MigrationReport {
  /** Rows per table, equal on both sides. */
  rows: Record<string, number>;
  /** Rooms whose stored updates hash the same on both sides. */
  rooms: number;
  /** Event ids claimed in `event_ids`, so a copied event's id stays taken for every instance. */
  eventIds: number;
}

/** Why a migration stopped before or after copying; the target is left as the transaction found it. */
export class MigrationError extends Error {
  constructor(
    readonly code: 'no_source' | 'target_not_empty' | 'mismatch',
    message: string,
  ) {
    super(message);
  }
}

type Row = Record<string, unknown>;
const BATCH = 500;

/** Each room's event ids, read from its updates applied in order, one room in memory at a time. */
function* roomEventIds(rows: Iterable<{ room: string; data: Uint8Array }>): Generator<[string, string[]]> {
  let room: string | undefined;
  let doc = new Y.Doc();
  const ids = () =>
    (doc.getArray('events').toArray() as { id?: unknown }[]).flatMap((e) => (typeof e?.id === 'string' ? [e.id] : []));
  for (const row of rows) {
    if (row.room !== room) {
      if (room !== undefined) yield [room, ids()];
      doc.destroy();
      doc = new Y.Doc();
      room = row.room;
    }
    Y.applyUpdate(doc, row.data);
  }
  if (room !== undefined) yield [room, ids()];
  doc.destroy();
}

async function claimEventIds(
  client: pg.PoolClient,
  rows: Iterable<{ room: string; data: Uint8Array }>,
): Promise<number> {
  let claimed = 0;
  for (const [room, ids] of roomEventIds(rows)) {
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      // A log written before ids were unique may hold one id twice: it is claimed once.
      const done = await client.query(
        'INSERT INTO event_ids (room, id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
        [room, chunk],
      );
      claimed += done.rowCount ?? 0;
    }
  }
  return claimed;
}

// Per room: a SHA-256 over every stored update in order, so a byte that differs is noticed.
function roomHashes(rows: Iterable<{ room: string; data: Uint8Array }>): Map<string, string> {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  for (const { room, data } of rows) {
    const h = hashes.get(room) ?? createHash('sha256');
    hashes.set(room, h);
    h.update(String(data.byteLength)).update(':').update(data);
  }
  return new Map([...hashes].map(([room, h]) => [room, h.digest('hex')]));
}

/**
 * Copies a SQLite data directory into an empty Postgres database in one transaction, then checks
 * row counts and each room's updates hash before committing.
 */
export async function migrateToPostgres(dataDir: string, databaseUrl: string): Promise<MigrationReport> {
  const file = join(dataDir, 'little-stool.sqlite');
  if (!existsSync(file)) throw new MigrationError('no_source', `no SQLite data at ${file}`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', () => {});
  try {
    await applyPgSchema(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const [table] of tables) {
        const n = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n;
        if (Number(n) > 0) throw new MigrationError('target_not_empty', `Postgres table ${table} already has rows`);
      }
      const rows: Record<string, number> = {};
      for (const [table, columns] of tables) {
        const select = sqlite.prepare<[], Row>(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`);
        let batch: Row[] = [];
        const insert = async () => {
          if (batch.length === 0) return;
          const values: unknown[] = [];
          const tuples = batch.map((r, i) => {
            for (const c of columns) values.push(r[c]);
            return `(${columns.map((_, j) => `$${i * columns.length + j + 1}`).join(', ')})`;
          });
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
          batch = [];
        };
        let count = 0;
        for (const r of select.iterate()) {
          batch.push(r);
          count++;
          if (batch.length === BATCH) await insert();
        }
        await insert();
        rows[table] = count;
      }
      // Later appends continue after the copied ids.
      await client.query(
        `SELECT setval(pg_get_serial_sequence('updates', 'id'), coalesce(max(id), 0) + 1, false) FROM updates`,
      );

      for (const [table] of tables) {
        const n = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
        if (n !== rows[table])
          throw new MigrationError('mismatch', `${table}: ${rows[table]} rows in SQLite, ${n} in Postgres`);
      }
      const source = roomHashes(
        sqlite.prepare<[], { room: string; data: Buffer }>('SELECT room, data FROM updates ORDER BY id').iterate(),
      );
      const target = roomHashes(
        (await client.query<{ room: string; data: Buffer }>('SELECT room, data FROM updates ORDER BY id')).rows,
      );
      for (const [room, hash] of source) {
        if (target.get(room) !== hash) throw new MigrationError('mismatch', `room ${room} differs after the copy`);
      }
      if (target.size !== source.size) throw new MigrationError('mismatch', 'Postgres holds rooms SQLite does not');
      const eventIds = await claimEventIds(
        client,
        sqlite
          .prepare<[], { room: string; data: Buffer }>('SELECT room, data FROM updates ORDER BY room, id')
          .iterate(),
      );
      await client.query('COMMIT');
      return { rows, rooms: source.size, eventIds };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  } finally {
    sqlite.close();
    await pool.end();
  }
}
