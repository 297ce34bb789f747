import type { Pool, PoolClient } from 'pg';
import { rowLayout } from '../rowLayout.ts';
import type { AppendResult, DocStore } from '../Storage.ts';

const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const bufferOf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

interface Append {
  room: string;
  update: Uint8Array;
  eventIds: readonly string[];
  settle: (result: AppendResult) => void;
  fail: (e: unknown) => void;
}

/** A claim's key `room\0id` read back: rooms hold no NUL (event ids none either, by their schema). */
function roomAndId(key: string): [string, string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * Claims each update's event ids in `event_ids` (unique per room); returns, per update, the first id
 * another update (stored earlier, by any instance, or earlier in this batch) holds already.
 */
async function claimIds(client: PoolClient, batch: Append[]): Promise<Map<number, string>> {
  const taken = new Map<number, string>();
  const claims = new Map<string, number>();
  for (const [i, a] of batch.entries()) {
    for (const id of a.eventIds) {
      const key = `${a.room}\u0000${id}`;
      if (claims.has(key)) taken.set(i, id);
      else claims.set(key, i);
    }
  }
  for (const [key, i] of claims) if (taken.has(i)) claims.delete(key);
  if (claims.size === 0) return taken;
  // Sorted, so two instances claiming overlapping ids lock them in one order and never deadlock.
  const keys = [...claims.keys()].sort();
  const split = keys.map(roomAndId);
  const inserted = await client.query<{ room: string; id: string }>(
    `INSERT INTO event_ids (room, id) SELECT r, e FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t (r, e, o)
      ORDER BY o ON CONFLICT DO NOTHING RETURNING room, id`,
    [split.map((k) => k[0]), split.map((k) => k[1])],
  );
  const won = new Set(inserted.rows.map((r) => `${r.room}\u0000${r.id}`));
  for (const [key, i] of claims) if (!won.has(key) && !taken.has(i)) taken.set(i, roomAndId(key)[1]);
  // An update refused for one id gives back the others it claimed.
  const giveBack = [...claims].filter(([key, i]) => taken.has(i) && won.has(key)).map(([key]) => roomAndId(key));
  if (giveBack.length > 0) {
    await client.query('DELETE FROM event_ids WHERE (room, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))', [
      giveBack.map((k) => k[0]),
      giveBack.map((k) => k[1]),
    ]);
  }
  return taken;
}

async function insertUpdates(client: Pool | PoolClient, rows: Append[]): Promise<void> {
  if (rows.length === 0) return;
  // One INSERT for the batch; ORDER BY the ordinality assigns ids in the order they were appended.
  await client.query(
    `INSERT INTO updates (room, data) SELECT r, d FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t (r, d, o)
      ORDER BY o`,
    [rows.map((r) => r.room), rows.map((r) => bufferOf(r.update))],
  );
}

/**
 * Yjs updates in the `updates` table. One commit at a time: the appends that arrive while it runs
 * wait and go together in the next, so a busy relay makes fewer, larger commits instead of a queue
 * of small ones (each a few round trips), and rows keep the order they were appended in.
 */
export function pgDocStore(pool: Pool): DocStore & { flush(): Promise<void> } {
  let batch: Append[] = [];
  let running: Promise<void> | null = null;

  const store = async (rows: Append[]) => {
    if (!rows.some((r) => r.eventIds.length > 0)) {
      await insertUpdates(pool, rows);
      for (const r of rows) r.settle(undefined);
      return;
    }
    const client = await pool.connect();
    let taken: Map<number, string>;
    try {
      await client.query('BEGIN');
      taken = await claimIds(client, rows);
      await insertUpdates(
        client,
        rows.filter((_, i) => !taken.has(i)),
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    for (const [i, r] of rows.entries()) {
      const id = taken.get(i);
      r.settle(id === undefined ? undefined : { duplicate: id });
    }
  };

  /** Settled once the batch they were put in has been stored (or failed): what a flush waits for. */
  let marks: Array<() => void> = [];
  const drain = async () => {
    while (batch.length > 0 || marks.length > 0) {
      const rows = batch;
      const stored = marks;
      batch = [];
      marks = [];
      if (rows.length > 0)
        await store(rows).catch((e) => {
          for (const r of rows) r.fail(e);
        });
      for (const settle of stored) settle();
    }
  };
  const kick = (): Promise<void> => {
    running ??= drain().finally(() => {
      running = null;
      if (batch.length > 0 || marks.length > 0) void kick();
    });
    return running;
  };
  /**
   * Settles once everything appended so far is stored (or failed): the commit running now, and the
   * batch waiting behind it. Not later appends: while rooms keep appending a commit always runs, and
   * a flush that waited for no commit at all would hold a room's load for as long.
   */
  const flush = (): Promise<void> => {
    if (!running && batch.length === 0) return Promise.resolve();
    const stored = new Promise<void>((settle) => marks.push(settle));
    void kick();
    return stored;
  };

  return {
    flush,
    async load(room) {
      await flush();
      const r = await pool.query<{ data: Buffer }>('SELECT data FROM updates WHERE room = $1 ORDER BY id', [room]);
      return r.rows.map((row) => bytesOf(row.data));
    },
    async *loadBatches(room, size) {
      await flush();
      for (let after = '0'; ; ) {
        const { rows } = await pool.query<{ id: string; data: Buffer }>(
          'SELECT id, data FROM updates WHERE room = $1 AND id > $2 ORDER BY id LIMIT $3',
          [room, after, size],
        );
        if (rows.length > 0) yield rows.map((r) => bytesOf(r.data));
        if (rows.length < size) return;
        after = rows[rows.length - 1]!.id;
      }
    },
    append(room, update, eventIds = []) {
      return new Promise<AppendResult>((settle, fail) => {
        if (batch.length === 0 && !running) setImmediate(() => void kick());
        batch.push({ room, update, eventIds, settle, fail });
      });
    },
    async count(room) {
      await flush();
      const r = await pool.query<{ n: string }>('SELECT count(*) AS n FROM updates WHERE room = $1', [room]);
      return Number(r.rows[0]?.n ?? 0);
    },
    async compact(room, merge, plan = () => 'full') {
      await flush();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Serialises compactions of one room across instances; appends are not blocked.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [room]);
        const sizes = (
          await client.query<{ id: string; bytes: number }>(
            'SELECT id, octet_length(data) AS bytes FROM updates WHERE room = $1 ORDER BY id',
            [room],
          )
        ).rows.map((r) => ({ id: Number(r.id), bytes: r.bytes }));
        const upto = (
          await client.query<{ upto: string }>('SELECT merged_upto AS upto FROM compactions WHERE room = $1', [room])
        ).rows[0]?.upto;
        const { scoped, ...layout } = rowLayout(sizes, Number(upto ?? 0));
        const scope = plan(layout);
        const rows = scope ? scoped(scope) : [];
        const last = rows.at(-1)?.id;
        const n = sizes.length;
        if (scope && last !== undefined && (rows.length > 1 || scope === 'full')) {
          if (rows.length > 1) {
            const ids = rows.map((r) => r.id);
            const data = await client.query<{ data: Buffer }>(
              'SELECT data FROM updates WHERE room = $1 AND id = ANY($2::bigint[]) ORDER BY id',
              [room, ids],
            );
            const merged = await merge(
              data.rows.map((r) => bytesOf(r.data)),
              scope,
            );
            // By id, not by range: a row another instance commits late with a lower id is never dropped unread.
            await client.query('DELETE FROM updates WHERE room = $1 AND id = ANY($2::bigint[])', [room, ids]);
            // The merged update takes the id of the newest row it replaces, so order with later rows is kept.
            await client.query('INSERT INTO updates (id, room, data) VALUES ($1, $2, $3)', [
              last,
              room,
              bufferOf(merged),
            ]);
          }
          await client.query(
            `INSERT INTO compactions (room, merged_upto) VALUES ($1, $2)
              ON CONFLICT (room) DO UPDATE SET merged_upto = excluded.merged_upto`,
            [room, last],
          );
        }
        await client.query('COMMIT');
        return { before: n, after: scope && rows.length > 1 ? n - rows.length + 1 : n };
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
