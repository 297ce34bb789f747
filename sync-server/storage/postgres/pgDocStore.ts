import type { Pool } from 'pg';
import type { DocStore } from '../Storage.ts';

const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Yjs updates in the `updates` table; the appends of one event-loop turn share one commit. */
export function pgDocStore(pool: Pool): DocStore & { flush(): Promise<void> } {
  let batch: [string, Uint8Array][] = [];
  let pending: Promise<void> | null = null;
  // Commits run one after another so rows of one room keep the order the relay appended them in.
  let chain: Promise<void> = Promise.resolve();

  const insert = async (rows: [string, Uint8Array][]) => {
    // One INSERT for the batch; ORDER BY the ordinality assigns ids in the order they were appended.
    await pool.query(
      `INSERT INTO updates (room, data) SELECT r, d FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t (r, d, o)
        ORDER BY o`,
      [rows.map((r) => r[0]), rows.map((r) => Buffer.from(r[1].buffer, r[1].byteOffset, r[1].byteLength))],
    );
  };

  const flush = (): Promise<void> => {
    if (batch.length === 0) return chain;
    const rows = batch;
    batch = [];
    chain = chain.then(() => insert(rows));
    return chain;
  };

  return {
    flush,
    async load(room) {
      await flush();
      const r = await pool.query<{ data: Buffer }>('SELECT data FROM updates WHERE room = $1 ORDER BY id', [room]);
      return r.rows.map((row) => bytesOf(row.data));
    },
    append(room, update) {
      batch.push([room, update]);
      pending ??= new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          pending = null;
          flush().then(resolve, reject);
        });
      });
      return pending;
    },
    async count(room) {
      await flush();
      const r = await pool.query<{ n: string }>('SELECT count(*) AS n FROM updates WHERE room = $1', [room]);
      return Number(r.rows[0]?.n ?? 0);
    },
    async compact(room, merge) {
      await flush();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Serialises compactions of one room across instances; appends are not blocked.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [room]);
        const rows = (
          await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM updates WHERE room = $1 ORDER BY id', [
            room,
          ])
        ).rows;
        if (rows.length <= 1) {
          await client.query('COMMIT');
          return { before: rows.length, after: rows.length };
        }
        const last = rows[rows.length - 1]!.id;
        const merged = merge(rows.map((r) => bytesOf(r.data)));
        await client.query('DELETE FROM updates WHERE room = $1 AND id <= $2', [room, last]);
        // The merged update takes the id of the newest row it replaces, so order with later rows is kept.
        await client.query('INSERT INTO updates (id, room, data) VALUES ($1, $2, $3)', [
          last,
          room,
          Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength),
        ]);
        await client.query('COMMIT');
        return { before: rows.length, after: 1 };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async bytes(room) {
      await flush();
      const r = await pool.query<{ b: string | null }>(
        'SELECT sum(octet_length(data)) AS b FROM updates WHERE room = $1',
        [room],
      );
      return Number(r.rows[0]?.b ?? 0);
    },
  };
}
