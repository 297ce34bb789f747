import type Database from 'better-sqlite3';
import type { DocStore } from '../Storage.ts';

const bytesOf = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Yjs updates in the `updates` table; `flush` writes what this event-loop turn appended. */
export function sqliteDocStore(db: Database.Database): DocStore & { flush(): void } {
  const q = {
    load: db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY id'),
    append: db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)'),
    batch: db.prepare<[string, number, number], { id: number; data: Buffer }>(
      'SELECT id, data FROM updates WHERE room = ? AND id > ? ORDER BY id LIMIT ?',
    ),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE room = ?'),
    bytes: db.prepare<[string], { b: number | null }>('SELECT sum(length(data)) AS b FROM updates WHERE room = ?'),
    last: db.prepare<[string], { n: number; last: number | null }>(
      'SELECT count(*) AS n, max(id) AS last FROM updates WHERE room = ?',
    ),
    upto: db.prepare<[string, number], { data: Buffer }>(
      'SELECT data FROM updates WHERE room = ? AND id <= ? ORDER BY id',
    ),
    deleteUpto: db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND id <= ?'),
    insertAt: db.prepare<[number, string, Uint8Array]>('INSERT INTO updates (id, room, data) VALUES (?, ?, ?)'),
  };

  const compactTx = db.transaction((room: string, merge: (updates: Iterable<Uint8Array>) => Uint8Array) => {
    const { n, last } = q.last.get(room) ?? { n: 0, last: null };
    if (n <= 1 || last === null) return { before: n, after: n };
    // Read lazily: a merge that encodes the live doc never holds every row in memory.
    const rows = (function* () {
      for (const r of q.upto.iterate(room, last)) yield bytesOf(r.data);
    })();
    let merged: Uint8Array;
    try {
      merged = merge(rows);
    } finally {
      // A merge that stops early (or never reads) must not leave the statement open.
      rows.return(undefined);
    }
    q.deleteUpto.run(room, last);
    // The merged update takes the id of the newest row it replaces, so order with later rows is kept.
    q.insertAt.run(last, room, merged);
    return { before: n, after: 1 };
  });

  // Appends of one event-loop turn share one transaction: one WAL commit for many updates.
  let batch: [string, Uint8Array][] = [];
  let pending: Promise<undefined> | null = null;
  const insertBatch = db.transaction((rows: [string, Uint8Array][]) => {
    for (const [room, update] of rows) q.append.run(room, update);
  });
  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    insertBatch(rows);
  };

  return {
    flush,
    async load(room) {
      flush();
      return q.load.all(room).map((r) => bytesOf(r.data));
    },
    append(room, update) {
      batch.push([room, update]);
      // One process is the only writer: its own rules already refuse a repeated event id.
      pending ??= new Promise<undefined>((resolve, reject) => {
        setImmediate(() => {
          pending = null;
          try {
            flush();
            resolve(undefined);
          } catch (e) {
            reject(e);
          }
        });
      });
      return pending;
    },
    async *loadBatches(room, size) {
      flush();
      for (let after = 0; ; ) {
        const rows = q.batch.all(room, after, size);
        if (rows.length > 0) yield rows.map((r) => bytesOf(r.data));
        if (rows.length < size) return;
        after = rows[rows.length - 1]!.id;
      }
    },
    async count(room) {
      flush();
      return q.count.get(room)?.n ?? 0;
    },
    async compact(room, merge) {
      flush();
      return compactTx(room, merge);
    },
    async bytes(room) {
      flush();
      return q.bytes.get(room)?.b ?? 0;
    },
  };
}
