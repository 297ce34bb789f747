import type Database from 'better-sqlite3';
import { type RowSize, rowLayout } from '../rowLayout.ts';
import type { DocStore, MergeScope, RowLayout } from '../Storage.ts';

type Merge = (updates: Iterable<Uint8Array>, scope: MergeScope) => Uint8Array | Promise<Uint8Array>;
type Plan = (layout: RowLayout) => MergeScope | null;

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
    sizes: db.prepare<[string], RowSize>('SELECT id, length(data) AS bytes FROM updates WHERE room = ? ORDER BY id'),
    mergedUpto: db.prepare<[string], { upto: number }>('SELECT merged_upto AS upto FROM compactions WHERE room = ?'),
    range: db.prepare<[string, number, number], { data: Buffer }>(
      'SELECT data FROM updates WHERE room = ? AND id > ? AND id <= ? ORDER BY id',
    ),
    countRange: db.prepare<[string, number, number], { n: number }>(
      'SELECT count(*) AS n FROM updates WHERE room = ? AND id > ? AND id <= ?',
    ),
    deleteRange: db.prepare<[string, number, number]>('DELETE FROM updates WHERE room = ? AND id > ? AND id <= ?'),
    insertAt: db.prepare<[number, string, Uint8Array]>('INSERT INTO updates (id, room, data) VALUES (?, ?, ?)'),
    setMerged: db.prepare<[string, number]>(
      'INSERT INTO compactions (room, merged_upto) VALUES (?, ?) ON CONFLICT (room) DO UPDATE SET merged_upto = excluded.merged_upto',
    ),
  };

  /** Rows a merge read, to replace once it answers (a merge on a worker thread). */
  interface Read {
    room: string;
    upto: number | undefined;
    after: number;
    last: number;
    rows: number;
    before: number;
  }

  const replace = (r: Read, merged: Uint8Array) => {
    q.deleteRange.run(r.room, r.after, r.last);
    // The merged update takes the id of the newest row it replaces, so order with later rows is kept.
    q.insertAt.run(r.last, r.room, merged);
    q.setMerged.run(r.room, r.last);
    return { before: r.before, after: r.before - r.rows + 1 };
  };

  const compactTx = db.transaction((room: string, merge: Merge, plan: Plan) => {
    const sizes = q.sizes.all(room);
    const upto = q.mergedUpto.get(room)?.upto;
    const { scoped, ...layout } = rowLayout(sizes, upto ?? 0);
    const scope = plan(layout);
    const rows = scope ? scoped(scope) : [];
    const last = rows.at(-1)?.id;
    const n = sizes.length;
    if (!scope || last === undefined || (rows.length < 2 && scope === 'tail')) return { before: n, after: n };
    // The only row of a room is merged already: it just becomes the merged row.
    if (rows.length === 1) {
      q.setMerged.run(room, last);
      return { before: n, after: n };
    }
    const after = rows[0]!.id - 1;
    // Read lazily: a merge that encodes the live doc never holds every row in memory.
    const updates = (function* () {
      for (const r of q.range.iterate(room, after, last)) yield bytesOf(r.data);
    })();
    let merged: Uint8Array | Promise<Uint8Array>;
    try {
      merged = merge(updates, scope);
    } finally {
      // A merge that stops early (or never reads) must not leave the statement open.
      updates.return(undefined);
    }
    const read: Read = { room, upto, after, last, rows: rows.length, before: n };
    return merged instanceof Promise ? { read, merged } : replace(read, merged);
  });

  // A merge answered later replaces the rows it read only if they are still as read. This process is
  // the only writer and the relay compacts one room at a time, so they are: checked all the same.
  const replaceTx = db.transaction((r: Read, merged: Uint8Array) => {
    const same = q.mergedUpto.get(r.room)?.upto === r.upto && q.countRange.get(r.room, r.after, r.last)?.n === r.rows;
    if (!same) throw new Error(`${r.room}: rows changed while they were merged`);
    return replace(r, merged);
  });

  // Appends of one event-loop turn share one transaction: one WAL commit for many updates.
  let batch: [string, Uint8Array][] = [];
  interface Answer {
    promise: Promise<undefined>;
    resolve: (v: undefined) => void;
    reject: (e: unknown) => void;
  }
  /** What the appends of `batch` answered: settled by whichever flush writes that batch. */
  let answer: Answer | null = null;
  const insertBatch = db.transaction((rows: [string, Uint8Array][]) => {
    for (const [room, update] of rows) q.append.run(room, update);
  });
  // A read or a compaction flushes the turn's appends before the turn ends: their answer comes from
  // that write, failed or not, never from a later flush that finds nothing left to write.
  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    const waiting = answer;
    batch = [];
    answer = null;
    try {
      insertBatch(rows);
    } catch (e) {
      waiting?.reject(e);
      throw e;
    }
    waiting?.resolve(undefined);
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
      if (!answer) {
        let settle!: Pick<Answer, 'resolve' | 'reject'>;
        const promise = new Promise<undefined>((resolve, reject) => {
          settle = { resolve, reject };
        });
        answer = { promise, ...settle };
        setImmediate(() => {
          try {
            flush();
          } catch {
            // The appends' answer says so.
          }
        });
      }
      return answer.promise;
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
    async compact(room, merge, plan = () => 'full') {
      flush();
      const done = compactTx(room, merge, plan);
      if (!('read' in done)) return done;
      const merged = await done.merged;
      flush();
      return replaceTx(done.read, merged);
    },
    async bytes(room) {
      flush();
      return q.bytes.get(room)?.b ?? 0;
    },
  };
}
