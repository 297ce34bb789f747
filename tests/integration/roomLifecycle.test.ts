import { afterEach, describe, expect, it } from 'vitest';
import { connect, createCompound, raised, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

describe('rooms in memory and compaction', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('a room leaves memory after its last connection is gone, and loads again intact', async () => {
    server = await startTestServer({ ROOM_IDLE_MS: '50' });
    const admin = await createCompound(server.url);
    const a = connect(server.wsUrl, admin);
    await synced(a);
    a.events.push([raised(admin), raised(admin)]);
    await eventually(async () => expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBe(1));
    a.destroy();
    await eventually(() => expect(server.relay.stats()).toEqual({ rooms: 0, connections: 0 }));
    const b = connect(server.wsUrl, admin);
    clients.push(b);
    await synced(b);
    expect(b.events.length).toBe(2);
  });

  it('compaction under concurrent writes loses nothing', async () => {
    server = await startTestServer({ COMPACT_EVERY: '7', ROOM_IDLE_MS: '60000' });
    const admin = await createCompound(server.url);
    const writers = [connect(server.wsUrl, admin), connect(server.wsUrl, admin), connect(server.wsUrl, admin)];
    clients.push(...writers);
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
    const fresh = connect(server.wsUrl, admin, 'public');
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.events.length).toBe(120);
    const ids = new Set((fresh.events.toArray() as { id: string }[]).map((e) => e.id));
    expect(ids.size).toBe(120);
  });
});
