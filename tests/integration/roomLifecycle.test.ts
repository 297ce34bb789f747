import { describe, expect, it } from 'vitest';
import { createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('rooms in memory', () => {
  const server = useTestServer({ ROOM_IDLE_MS: '50' });

  it('a room leaves memory after its last connection is gone, and loads again intact', async () => {
    const admin = await createCompound(server.url);
    const a = server.connect(admin);
    await synced(a);
    a.events.push([raised(admin), raised(admin)]);
    await eventually(async () => expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBe(1));
    a.destroy();
    await eventually(() => expect(server.relay.stats()).toEqual({ rooms: 0, connections: 0 }));
    const b = server.connect(admin);
    await synced(b);
    expect(b.events.length).toBe(2);
  });
});

describe('compaction', () => {
  const server = useTestServer({ COMPACT_EVERY: '7', ROOM_IDLE_MS: '60000' });

  it('compaction under concurrent writes loses nothing', async () => {
    const admin = await createCompound(server.url);
    const writers = [server.connect(admin), server.connect(admin), server.connect(admin)];
    await Promise.all(writers.map(synced));
    for (let round = 0; round < 40; round++) {
      for (const w of writers) w.events.push([raised(admin, `并发 ${round}`)]);
      await new Promise((r) => setImmediate(r));
    }
    await eventually(() => {
      for (const w of writers) expect(w.events.length).toBe(120);
    });
    const room = `${admin.compoundId}/public`;
    await eventually(async () => expect(await server.storage.docs.count(room)).toBeLessThan(20));
    const fresh = server.connect(admin, 'public');
    await synced(fresh);
    expect(fresh.events.length).toBe(120);
    const ids = new Set((fresh.events.toArray() as { id: string }[]).map((e) => e.id));
    expect(ids.size).toBe(120);
  });
});
