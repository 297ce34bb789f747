import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import {
  addMember,
  connect,
  createCompound,
  raised,
  type Session,
  synced,
  type TestClient,
} from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';
import { postgresAndRedisAvailable, usePostgresAndRedis } from '../helpers/usePostgresAndRedis.ts';

const servers = usePostgresAndRedis();

const titles = (c: TestClient) => (c.events.toArray() as { title?: string }[]).flatMap((e) => e.title ?? []);

describe.skipIf(!postgresAndRedisAvailable)('two relay instances on one Postgres and one Redis', () => {
  let url: string;
  let a: TestServer;
  let b: TestServer;
  let admin: Session;
  let bob: Session;
  let clients: TestClient[] = [];
  const open = (server: TestServer, session: Session, doc = new Y.Doc()) => {
    const c = connect(server.wsUrl, session, 'public', doc);
    clients.push(c);
    return c;
  };
  const room = () => `${admin.compoundId}/public`;

  beforeEach(async () => {
    const env = await servers.env();
    url = env.DATABASE_URL;
    a = await startTestServer(env);
    b = await startTestServer({ ...env, CROSS_INSTANCE_WAIT_MS: '1500', COMPACT_EVERY: '3' });
    admin = await createCompound(a.url);
    // Accounts live in Postgres: an invite made on one instance is redeemed on the other.
    bob = await addMember(b.url, admin, { role: 'committee', party: 'property' });
  });
  afterEach(async () => {
    await servers.redis.client.call('CLIENT', 'UNPAUSE');
    for (const c of clients) c.destroy();
    clients = [];
    await Promise.all([a.close(), b.close()]);
  });

  it('an update accepted on one instance reaches the clients of the other, and back', async () => {
    const x = open(a, admin);
    const y = open(b, bob);
    await Promise.all([synced(x), synced(y)]);
    x.events.push([raised(admin, '甲实例写的')]);
    await eventually(() => expect(titles(y)).toContain('甲实例写的'));
    y.events.push([raised(bob, '乙实例写的')]);
    await eventually(() => expect(titles(x)).toContain('乙实例写的'));
    expect(x.closes).toEqual([]);
    expect(y.closes).toEqual([]);
  });

  it('presence crosses instances', async () => {
    const x = open(a, admin);
    const y = open(b, bob);
    await Promise.all([synced(x), synced(y)]);
    x.provider.awareness.setLocalStateField('user', { name: '王秀英' });
    await eventually(() =>
      expect(y.provider.awareness.getStates().get(x.doc.clientID)).toMatchObject({ user: { name: '王秀英' } }),
    );
  });

  it('a phone that moved instances with updates the new one has not heard of yet waits for them, and is not refused', async () => {
    const x = open(a, admin);
    const z = open(b, bob);
    const watcher = open(b, admin);
    await Promise.all([synced(x), synced(z), synced(watcher)]);
    // Redis holds every write for a while: what A stores now cannot reach B through the bus yet.
    await servers.redis.client.call('CLIENT', 'PAUSE', '1000', 'WRITE');
    x.events.push([raised(admin, '在甲实例刚被接受')]);
    await eventually(async () => {
      const doc = new Y.Doc();
      for (const u of await a.storage.docs.load(room())) Y.applyUpdate(doc, u);
      expect(JSON.stringify(doc.getArray('events').toJSON())).toContain('在甲实例刚被接受');
    });
    // The phone got it on A and now talks to B: it sends it back with its own event built after it.
    Y.applyUpdate(z.doc, Y.encodeStateAsUpdate(x.doc));
    z.events.push([raised(bob, '接着写的')]);
    await eventually(() => expect(titles(watcher)).toEqual(expect.arrayContaining(['在甲实例刚被接受', '接着写的'])));
    expect(z.closes).toEqual([]);
    await eventually(() => expect(titles(x)).toContain('接着写的'));
  });

  it('an update that builds on items no instance accepted is refused after the bounded wait', async () => {
    const z = open(b, bob);
    await synced(z);
    // Bob's phone carries an event in the admin's name that exists nowhere.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(z.doc));
    elsewhere.getArray('events').push([raised(admin, '伪造的')]);
    Y.applyUpdate(z.doc, Y.encodeStateAsUpdate(elsewhere));
    await eventually(() => expect(z.closes[0]?.reason).toMatch(/^forged_author/));
  });

  it('a publish that never reached Redis is noticed at the next one and filled from Postgres', async () => {
    const x = open(a, admin);
    const y = open(b, bob);
    await Promise.all([synced(x), synced(y)]);
    // An instance stored this update and died before announcing it.
    const lost = new Y.Doc();
    Y.applyUpdate(lost, Y.encodeStateAsUpdate(x.doc));
    let update: Uint8Array | undefined;
    lost.on('update', (u: Uint8Array) => {
      update = u;
    });
    lost.getArray('events').push([raised(admin, '存了但没广播')]);
    const third = await openPostgresStorage(url);
    await third.docs.append(room(), update!);
    await third.close();
    await servers.redis.client.incr(`ls:{${room()}}:seq`);

    x.events.push([raised(admin, '下一条')]);
    await eventually(() => expect(titles(y)).toEqual(expect.arrayContaining(['下一条', '存了但没广播'])));
    await eventually(() => expect(titles(x)).toContain('存了但没广播'));
  });

  it('compaction on an instance that has not heard of another’s rows keeps them', async () => {
    const x = open(a, admin);
    const y = open(b, bob);
    await Promise.all([synced(x), synced(y)]);
    await servers.redis.client.call('CLIENT', 'PAUSE', '1000', 'WRITE');
    for (let i = 0; i < 3; i++) x.events.push([raised(admin, `甲存的 ${i}`)]);
    await eventually(async () => {
      const doc = new Y.Doc();
      for (const u of await a.storage.docs.load(room())) Y.applyUpdate(doc, u);
      expect(JSON.stringify(doc.getArray('events').toJSON())).toContain('甲存的 2');
    });
    // B stores more than COMPACT_EVERY rows while it lacks A's: it compacts the room.
    for (let i = 0; i < 5; i++) y.events.push([raised(bob, `乙存的 ${i}`)]);
    await eventually(async () => expect(await b.storage.docs.count(room())).toBeLessThan(5));
    await servers.redis.client.call('CLIENT', 'UNPAUSE');
    const doc = new Y.Doc();
    for (const u of await b.storage.docs.load(room())) Y.applyUpdate(doc, u);
    const stored = (doc.getArray('events').toArray() as { title?: string }[]).flatMap((e) => e.title ?? []);
    expect(stored).toEqual(expect.arrayContaining(['甲存的 0', '甲存的 1', '甲存的 2', '乙存的 4']));
  });

  it('a tail merge on an instance that has not heard of another’s rows keeps them and leaves the merged row', async () => {
    const old = new Y.Doc();
    old.getArray('events').push(Array.from({ length: 300 }, (_, i) => raised(admin, `旧事 ${i}`)));
    const base = Y.encodeStateAsUpdate(old);
    await a.storage.docs.append(room(), base);
    await a.storage.docs.compact(room(), () => base);
    const x = open(a, admin);
    const y = open(b, bob);
    await Promise.all([synced(x), synced(y)]);
    // B merges a first tail, so its next one could come from its live doc.
    for (let i = 0; i < 3; i++) y.events.push([raised(bob, `乙先存的 ${i}`)]);
    await eventually(async () => expect(await b.storage.docs.count(room())).toBe(2));
    await servers.redis.client.call('CLIENT', 'PAUSE', '1000', 'WRITE');
    for (let i = 0; i < 3; i++) x.events.push([raised(admin, `甲存的 ${i}`)]);
    await eventually(async () => expect(await a.storage.docs.count(room())).toBe(5));
    for (let i = 0; i < 5; i++) y.events.push([raised(bob, `乙存的 ${i}`)]);
    await eventually(async () => expect(await b.storage.docs.count(room())).toBeLessThan(5));
    await servers.redis.client.call('CLIENT', 'UNPAUSE');
    const rows = await b.storage.docs.load(room());
    expect(rows[0]).toEqual(base);
    const doc = new Y.Doc();
    for (const u of rows) Y.applyUpdate(doc, u);
    const stored = (doc.getArray('events').toArray() as { title?: string }[]).flatMap((e) => e.title ?? []);
    expect(stored).toEqual(expect.arrayContaining(['旧事 299', '甲存的 0', '甲存的 1', '甲存的 2', '乙存的 4']));
  });

  it('a member removed through one instance is disconnected from the other at once', async () => {
    const y = open(b, bob);
    await synced(y);
    const res = await fetch(`${a.url}/api/compounds/${admin.compoundId}/members/${bob.memberId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.ok).toBe(true);
    await eventually(() => expect(y.closes[0]?.reason).toMatch(/^revoked/));
  });

  it('a sync ticket from one instance opens a socket on the other; a rotated token ends it everywhere', async () => {
    const ticket = async (server: TestServer, token: string) => {
      const res = await fetch(`${server.url}/api/compounds/${admin.compoundId}/sync-ticket`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { ticket: string }).ticket;
    };
    const viaTicket = (server: TestServer, t: string) => {
      const provider = new WebsocketProvider(server.wsUrl, room(), new Y.Doc(), {
        params: { ticket: t },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        connect: true,
      });
      const closes: number[] = [];
      provider.on('connection-close', (e) => {
        if (e) closes.push(e.code);
      });
      return { provider, closes };
    };
    const first = viaTicket(b, await ticket(a, bob.token));
    await eventually(() => expect(first.provider.synced).toBe(true));
    first.provider.destroy();

    const unused = await ticket(a, bob.token);
    const rotated = await fetch(`${b.url}/api/me/token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.token}` },
    });
    expect(rotated.ok).toBe(true);
    const second = viaTicket(a, unused);
    await eventually(() => expect(second.closes[0]).toBe(CloseCode.Unauthenticated));
    second.provider.destroy();
  });

  it('one event id sent to two instances at once is stored once: Postgres decides, the loser is refused', async () => {
    const x = open(a, bob);
    const y = open(b, bob);
    const watcher = open(b, admin);
    await Promise.all([synced(x), synced(y), synced(watcher)]);
    // Neither instance hears the other meanwhile: each one's own rules pass.
    await servers.redis.client.call('CLIENT', 'PAUSE', '1500', 'WRITE');
    const first = raised(bob, '同一个编号，第一份');
    x.events.push([first]);
    await eventually(async () => {
      const doc = new Y.Doc();
      for (const u of await a.storage.docs.load(room())) Y.applyUpdate(doc, u);
      expect(JSON.stringify(doc.getArray('events').toJSON())).toContain('第一份');
    });
    y.events.push([{ ...first, title: '同一个编号，第二份' }]);
    await eventually(() => expect(y.closes[0]?.reason).toMatch(/^causal_rule: .*duplicate_id/));
    await servers.redis.client.call('CLIENT', 'UNPAUSE');
    await eventually(() => expect(titles(watcher)).toContain('同一个编号，第一份'));
    expect(titles(watcher)).not.toContain('同一个编号，第二份');
    const stored = new Y.Doc();
    for (const u of await b.storage.docs.load(room())) Y.applyUpdate(stored, u);
    expect(JSON.stringify(stored.getArray('events').toJSON())).not.toContain('第二份');
  });
});
