import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { postgresAndRedisAvailable, usePostgresAndRedis } from '../helpers/usePostgresAndRedis.ts';

const servers = usePostgresAndRedis();

const titles = (events: Y.Array<unknown>) => (events.toArray() as { title: string }[]).map((e) => e.title);

/**
 * An instance that stores a phone's write and dies before publishing it: the phone sends the write
 * again to another instance, whose storage already holds its event ids. The instance in this test
 * plays the survivor; what the dead one stored is written into Postgres from outside, unpublished.
 */
describe.skipIf(!postgresAndRedisAvailable)('a write another instance stored first', () => {
  let server: ServerProcess;
  let url: string;
  let admin: Session;
  let writer: TestClient;
  let watcher: TestClient;

  /** The writer offline writes `n` events (the first with `first`); returns the update holding only the first. */
  async function offlineWrites(first: ReturnType<typeof raised>, n: number): Promise<Uint8Array> {
    writer.provider.disconnect();
    const updates: Uint8Array[] = [];
    const on = (u: Uint8Array) => void updates.push(u);
    writer.doc.on('update', on);
    writer.events.push([first]);
    for (let i = 1; i < n; i++) writer.events.push([raised(admin, `离线 ${i}`)]);
    writer.doc.off('update', on);
    return updates[0]!;
  }

  /** Stores `update` as the dead instance did: in Postgres with its event ids, never on the bus. */
  async function storedByTheDead(update: Uint8Array, eventId: string): Promise<void> {
    const other = await openPostgresStorage(url);
    try {
      expect(await other.docs.append(`${admin.compoundId}/public`, update, [eventId])).toBeUndefined();
    } finally {
      await other.close();
    }
  }

  beforeAll(async () => {
    if (!postgresAndRedisAvailable) return;
    const env = await servers.env();
    url = env.DATABASE_URL;
    server = await startServerProcess({ env });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function online(writes: number): Promise<void> {
    admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' });
    writer = connect(server.wsUrl, admin);
    await synced(writer);
    for (let i = 0; i < writes; i++) writer.events.push([raised(admin, `在线 ${i}`)]);
    watcher = connect(server.wsUrl, bob);
    await eventually(() => expect(watcher.events.length).toBe(writes));
  }

  it('the same write is taken, not refused: the phone stays connected and every phone gets all of it', async () => {
    await online(20);
    const first = raised(admin, '死掉的实例存了');
    const stored = await offlineWrites(first, 30);
    await storedByTheDead(stored, first.id);
    writer.provider.connect();
    await eventually(() => expect(watcher.events.length).toBe(50));
    expect(titles(watcher.events)).toEqual(titles(writer.events));
    expect(writer.closes).toEqual([]);
    // Stored once: a phone opening the compound now reads each event once.
    const fresh = connect(server.wsUrl, admin, 'public', new Y.Doc());
    await eventually(() => expect(titles(fresh.events)).toEqual(titles(writer.events)));
    for (const c of [writer, watcher, fresh]) c.destroy();
  });

  it('another write under the same event id is still refused; every phone gets the one stored', async () => {
    await online(5);
    const first = raised(admin, '手机上的');
    await offlineWrites(first, 3);
    // Another phone's event with the same id, stored first by the instance that died.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(watcher.doc));
    const before = Y.encodeStateVector(other);
    other.getArray('events').push([{ ...first, title: '别的手机上的' }]);
    await storedByTheDead(Y.encodeStateAsUpdate(other, before), first.id);
    writer.provider.connect();
    await eventually(() => expect(writer.closes.map((c) => c.code)).toEqual([4422]));
    expect(writer.closes[0]!.reason).toMatch(/duplicate_id/);
    await eventually(() => expect(titles(watcher.events)).toContain('别的手机上的'));
    expect(titles(watcher.events)).not.toContain('手机上的');
    for (const c of [writer, watcher]) c.destroy();
  });
});
