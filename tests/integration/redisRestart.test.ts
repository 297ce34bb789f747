import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, connect, createCompound, raised, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { redisAvailable, startRedis } from '../helpers/startRedis.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  if (postgresAvailable) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const idsOf = (events: Y.Array<unknown>) => (events.toArray() as { id: string }[]).map((e) => e.id);

describe.skipIf(!postgresAvailable || !redisAvailable)('Redis restarts under writes', () => {
  it.each([
    { signal: 'SIGTERM', empty: false, what: 'stopped and restarted on its saved data' },
    { signal: 'SIGKILL', empty: true, what: 'killed and restarted empty, every stream gone' },
  ] as const)(
    'Redis $what: both instances catch up from Postgres, every write is on every phone once',
    async ({ signal, empty }) => {
      const redis = await startRedis({ persist: !empty });
      const env = { DATABASE_URL: await postgres!.newDatabase(), REDIS_URL: redis.url };
      const servers: TestServer[] = [await startTestServer(env), await startTestServer(env)];
      const [a, b] = servers as [TestServer, TestServer];
      const clients: TestClient[] = [];
      try {
        const admin = await createCompound(a.url);
        const bob = await addMember(b.url, admin, { role: 'committee', party: 'property' });
        // Each member writes from a phone on each instance; none of them ever reconnects, so only the
        // bus (and its catch-up from Postgres) can bring one instance's writes to the other's phones.
        const writers = [
          { session: admin, client: connect(a.wsUrl, admin) },
          { session: admin, client: connect(b.wsUrl, admin) },
          { session: bob, client: connect(a.wsUrl, bob) },
          { session: bob, client: connect(b.wsUrl, bob) },
        ];
        clients.push(...writers.map((w) => w.client));
        await Promise.all(clients.map(synced));
        const written = new Set<string>();
        let writing = true;
        // Each writer waits for its last write to reach the phone beside it on the same instance
        // (stored in Postgres and forwarded there) before the next: paced by the relay, not a clock.
        const pumps = writers.map(async ({ session, client }, i) => {
          const beside = writers[(i + 2) % writers.length]!.client;
          while (writing) {
            const event = raised(session, `写入 ${written.size}`);
            client.events.push([event]);
            written.add(event.id);
            await eventually(() => expect(idsOf(beside.events)).toContain(event.id), { timeout: 30_000 });
          }
        });
        const everywhere = () => {
          for (const c of clients) {
            const ids = idsOf(c.events);
            expect(new Set(ids).size).toBe(ids.length);
            expect([...written].filter((id) => !ids.includes(id))).toEqual([]);
          }
        };
        const crossed = () => {
          const far = new Set(idsOf(clients[1]!.events));
          return [...written].filter((id) => far.has(id)).length;
        };
        await eventually(() => expect(crossed()).toBeGreaterThan(40));

        await redis.halt(signal);
        const before = written.size;
        await eventually(() => expect(written.size).toBeGreaterThan(before + 80));
        await redis.resume({ empty });
        const after = written.size;
        await eventually(() => expect(written.size).toBeGreaterThan(after + 80), { timeout: 20_000 });
        writing = false;
        await Promise.all(pumps);

        await eventually(everywhere, { timeout: 30_000 });
        for (const c of clients) expect(c.closes).toEqual([]);
        // Postgres holds each of them once.
        const stored = new Y.Doc();
        for (const u of await a.storage.docs.load(`${admin.compoundId}/public`)) Y.applyUpdate(stored, u);
        const ids = idsOf(stored.getArray('events'));
        expect(new Set(ids).size).toBe(ids.length);
        expect([...written].filter((id) => !ids.includes(id))).toEqual([]);
      } finally {
        for (const c of clients) c.destroy();
        await Promise.all(servers.map((s) => s.close()));
        await redis.stop();
      }
    },
    90_000,
  );
});
