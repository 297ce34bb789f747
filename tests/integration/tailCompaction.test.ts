import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

const titlesOf = (rows: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of rows) Y.applyUpdate(doc, u);
  return (doc.getArray('events').toArray() as { title: string }[]).map((e) => e.title);
};

describe('tail compaction', () => {
  const server = useTestServer({ COMPACT_EVERY: '5', ROOM_IDLE_MS: '50' });

  it('merges the rows since the last merge, leaves the big merged row alone, and loses nothing', async () => {
    const admin = await createCompound(server.url);
    const room = `${admin.compoundId}/public`;
    const old = new Y.Doc();
    old.getArray('events').push(Array.from({ length: 300 }, (_, i) => raised(admin, `旧事 ${i}`)));
    await server.storage.docs.append(room, Y.encodeStateAsUpdate(old));
    const writer = server.connect(admin);
    await synced(writer);
    for (let i = 0; i < 40; i++) {
      writer.events.push([raised(admin, `新事 ${i}`)]);
      await new Promise((r) => setImmediate(r));
    }
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
    // Loaded again: the first tail comes from the stored rows, the later ones from the live doc again.
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
});
