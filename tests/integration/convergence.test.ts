import { describe, expect, it } from 'vitest';
import { addMember, createCompound, raised, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('stock y-websocket clients through the relay', () => {
  const server = useTestServer();

  it('five clients that each append events converge on the same log', async () => {
    const admin = await createCompound(server.url);
    const sessions: Session[] = [admin];
    for (let i = 0; i < 4; i++) sessions.push(await addMember(server.url, admin, { role: 'resident' }, `居民${i}`));
    const clients = sessions.map((s) => server.connect(s));
    await Promise.all(clients.map(synced));
    clients.forEach((c, i) => {
      for (let k = 0; k < 10; k++) c.events.push([raised(sessions[i]!, `诉求 ${i}-${k}`)]);
    });
    await eventually(() => {
      for (const c of clients) expect(c.events.length).toBe(50);
    });
    const first = JSON.stringify(clients[0]!.events.toJSON());
    for (const c of clients) expect(JSON.stringify(c.events.toJSON())).toBe(first);
    expect(clients.every((c) => c.closes.length === 0)).toBe(true);
  });

  it('a client that was offline merges its edits with those made meanwhile', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '赵敏');
    const a = server.connect(admin);
    const b = server.connect(bob);
    await Promise.all([synced(a), synced(b)]);
    b.provider.disconnect();
    a.events.push([raised(admin, '在线时提的')]);
    b.events.push([raised(bob, '离线时提的 1'), raised(bob, '离线时提的 2')]);
    await eventually(() => expect(server.relay.stats().connections).toBe(1));
    b.provider.connect();
    await eventually(() => {
      expect(a.events.length).toBe(3);
      expect(b.events.length).toBe(3);
    });
    expect(a.events.toJSON()).toEqual(b.events.toJSON());
  });

  it('a client that connects later receives everything stored, after the room loaded from disk', async () => {
    const admin = await createCompound(server.url);
    const a = server.connect(admin);
    await synced(a);
    const witness = server.connect(admin);
    await synced(witness);
    for (let k = 0; k < 20; k++) a.events.push([raised(admin, `第${k}条`)]);
    // The relay stores before it forwards: once a second client has all 20, all 20 are on disk.
    await eventually(() => expect(witness.events.length).toBe(20));
    a.destroy();
    witness.destroy();
    await server.restart();
    const late = server.connect(admin);
    await synced(late);
    // Synced must never be reported on an empty room that has stored state.
    expect(late.events.length).toBe(20);
  });
});
