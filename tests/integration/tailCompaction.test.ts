import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { workerMergeBytes } from '../../sync-server/relay/Compaction.ts';
import type { DocStore } from '../../sync-server/storage/Storage.ts';
import { createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

const titlesOf = (rows: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of rows) Y.applyUpdate(doc, u);
  return (doc.getArray('events').toArray() as { title: string }[]).map((e) => e.title);
};

/** Counts the store's finished compactions of `room` (a spy on the real store); `restore` takes it off. */
function countCompactions(docs: DocStore, room: string) {
  const compact = docs.compact.bind(docs);
  const counter = {
    done: 0,
    restore: () => {
      docs.compact = compact;
    },
  };
  docs.compact = async (name, merge, plan) => {
    const result = await compact(name, merge, plan);
    if (name === room) counter.done++;
    return result;
  };
  return counter;
}

/**
 * Pushes `count` events a batch of `batch` at a time, and waits after each full batch until the relay
 * compacted: frames that a loaded machine delivers in one read would otherwise all land before the
 * first merge, which then folds them into one row and leaves no tail to test.
 */
async function writeInBatches(
  events: Y.Array<unknown>,
  compactions: { done: number },
  count: number,
  batch: number,
  event: (i: number) => unknown,
) {
  for (let i = 0; i < count; i++) {
    const before = compactions.done;
    events.push([event(i)]);
    if ((i + 1) % batch === 0) await eventually(() => expect(compactions.done).toBeGreaterThan(before));
  }
}

describe('tail compaction', () => {
  const server = useTestServer({ COMPACT_EVERY: '5', ROOM_IDLE_MS: '50' });

  it('merges the rows since the last merge, leaves the big merged row alone, and loses nothing', async () => {
    const admin = await createCompound(server.url);
    const room = `${admin.compoundId}/public`;
    const old = new Y.Doc();
    old.getArray('events').push(Array.from({ length: 300 }, (_, i) => raised(admin, `旧事 ${i}`)));
    await server.storage.docs.append(room, Y.encodeStateAsUpdate(old));
    const compactions = countCompactions(server.storage.docs, room);
    onTestFinished(() => compactions.restore());
    const writer = server.connect(admin);
    await synced(writer);
    await writeInBatches(writer.events, compactions, 40, 5, (i) => raised(admin, `新事 ${i}`));
    const titles = [
      ...Array.from({ length: 300 }, (_, i) => `旧事 ${i}`),
      ...Array.from({ length: 40 }, (_, i) => `新事 ${i}`),
    ];
    // The first merge folds the room into one row; the later ones each add one small row after it.
    let big: Uint8Array | undefined;
    await eventually(async () => {
      const rows = await server.storage.docs.load(room);
      expect(titlesOf(rows).sort()).toEqual([...titles].sort());
      expect(rows.length).toBeGreaterThan(3);
      expect(rows.length).toBeLessThan(12);
      for (const row of rows.slice(1)) expect(row.byteLength).toBeLessThan(rows[0]!.byteLength / 4);
      big = rows[0];
    });
    writer.destroy();
    await eventually(() => expect(server.relay.stats().rooms).toBe(0));
    // Leaving memory merged the last rows as a tail too: the big row is the same bytes.
    expect((await server.storage.docs.load(room))[0]).toEqual(big);
    // Loaded again (every row merged): each tail comes from the live doc.
    const again = server.connect(admin);
    await synced(again);
    for (let i = 0; i < 20; i++) {
      again.events.push([raised(admin, `再事 ${i}`)]);
      await new Promise((r) => setImmediate(r));
    }
    titles.push(...Array.from({ length: 20 }, (_, i) => `再事 ${i}`));
    await eventually(async () => {
      const rows = await server.storage.docs.load(room);
      expect(titlesOf(rows).sort()).toEqual([...titles].sort());
      expect(rows.length).toBeLessThan(16);
    });
    again.destroy();
    await eventually(() => expect(server.relay.stats().rooms).toBe(0));
    const fresh = server.connect(admin);
    await synced(fresh);
    expect((fresh.events.toArray() as { title: string }[]).map((e) => e.title).sort()).toEqual([...titles].sort());
  });

  it('a big room is merged from its rows on the merge worker and loses nothing; the rows after it stay small', async () => {
    const admin = await createCompound(server.url);
    const room = `${admin.compoundId}/public`;
    const detail = '楼道里的灯坏了很久，晚上老人上下楼很不方便。'.repeat(30);
    const old = new Y.Doc();
    old.getArray('events').push(Array.from({ length: 1200 }, (_, i) => raised(admin, `旧事 ${i}`, { detail })));
    const stored = Y.encodeStateAsUpdate(old);
    expect(stored.byteLength).toBeGreaterThan(workerMergeBytes);
    // Two rows, none merged yet: the first compaction is a full merge of more than a megabyte.
    await server.storage.docs.append(room, stored);
    const merges = server.relay.rowMerges;
    const compactions = countCompactions(server.storage.docs, room);
    onTestFinished(() => compactions.restore());
    const writer = server.connect(admin);
    await synced(writer);
    await writeInBatches(writer.events, compactions, 30, 5, (i) => raised(admin, `新事 ${i}`));
    const titles = [
      ...Array.from({ length: 1200 }, (_, i) => `旧事 ${i}`),
      ...Array.from({ length: 30 }, (_, i) => `新事 ${i}`),
    ];
    await eventually(async () => {
      expect(server.relay.rowMerges).toBeGreaterThan(merges);
      const rows = await server.storage.docs.load(room);
      expect(titlesOf(rows).sort()).toEqual([...titles].sort());
      // One merged row of the room, and small tails after it, merged from the live doc.
      expect(rows[0]!.byteLength).toBeGreaterThan(workerMergeBytes);
      expect(rows.length).toBeGreaterThan(2);
      for (const row of rows.slice(1)) expect(row.byteLength).toBeLessThan(rows[0]!.byteLength / 4);
    });
    writer.destroy();
    await eventually(() => expect(server.relay.stats().rooms).toBe(0));
    const fresh = server.connect(admin);
    await synced(fresh);
    expect((fresh.events.toArray() as { title: string }[]).map((e) => e.title).sort()).toEqual([...titles].sort());
  });

  it('after a load where every row was merged, the first tail comes from the live doc, not the rows', async () => {
    const admin = await createCompound(server.url);
    const room = `${admin.compoundId}/public`;
    const docs = server.storage.docs;
    // A spy on the real store: how many stored rows each merge read.
    const reads: { scope: string; rows: number }[] = [];
    const compact = docs.compact.bind(docs);
    docs.compact = (name, merge, plan) =>
      compact(
        name,
        (rows, scope) => {
          let n = 0;
          const counted = (function* () {
            for (const r of rows) {
              n++;
              yield r;
            }
          })();
          const merged = merge(counted, scope);
          if (name === room) reads.push({ scope, rows: n });
          return merged;
        },
        plan,
      );
    try {
      const titles: string[] = [];
      const write = async (label: string, count: number) => {
        const c = server.connect(admin);
        await synced(c);
        for (let i = 0; i < count; i++) {
          c.events.push([raised(admin, `${label} ${i}`)]);
          titles.push(`${label} ${i}`);
          await new Promise((r) => setImmediate(r));
        }
        c.destroy();
        // Leaving memory merges what is left: every stored row is a merged row.
        await eventually(() => expect(server.relay.stats().rooms).toBe(0));
      };
      // A big first row, as a compound's years of history are: the tails after it stay small.
      const old = new Y.Doc();
      old.getArray('events').push(Array.from({ length: 300 }, (_, i) => raised(admin, `旧事 ${i}`)));
      await docs.append(room, Y.encodeStateAsUpdate(old));
      await write('头一回', 12);
      reads.length = 0;
      await write('第二回', 7);
      const tails = reads.filter((r) => r.scope === 'tail');
      expect(tails.length).toBeGreaterThan(0);
      expect(reads.filter((r) => r.scope === 'full')).toEqual([]);
      expect(tails.every((r) => r.rows === 0)).toBe(true);
      const rows = await docs.load(room);
      const stored = titlesOf(rows).filter((t) => !t.startsWith('旧事'));
      expect(stored.sort()).toEqual([...titles].sort());
    } finally {
      docs.compact = compact;
    }
  });
});
