import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ServerEvent } from '../../shared/events/member.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { Relay } from '../../sync-server/relay/Relay.ts';
import type { DocStore, Storage } from '../../sync-server/storage/Storage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { eventually } from '../helpers/eventually.ts';
import { roomyLimits as limits } from '../helpers/relayLimits.ts';
import { tempDir } from '../helpers/startServer.ts';

let storage: Storage | undefined;
let relay: Relay | undefined;
afterEach(async () => {
  await relay?.close();
  await storage?.close();
});

/** SQLite whose compactions take a turn of the event loop, so two could overlap; counts how many do. */
function watched(docs: DocStore) {
  const merges = { running: 0, most: 0, done: 0 };
  const store: DocStore = {
    ...docs,
    compact: async (room, merge, plan) => {
      merges.running++;
      merges.most = Math.max(merges.most, merges.running);
      try {
        await new Promise((r) => setImmediate(r));
        return await docs.compact(room, merge, plan);
      } finally {
        merges.running--;
        merges.done++;
      }
    },
  };
  return { store, merges };
}

describe('compactions across the relay', () => {
  it('100 rooms reaching the threshold together are compacted one at a time, and keep every event', async () => {
    storage = openSqliteStorage(tempDir());
    const { store, merges } = watched(storage.docs);
    const compactEvery = 4;
    relay = new Relay(store, {
      limits,
      policy: { check: () => ({ changed: false }) },
      compactEvery,
      idleMs: 60_000,
      log: () => undefined,
    });
    const doc = parseDocName('public')!;
    const event = (room: number, i: number) => ({ id: `e${room}-${i}`, type: 'member.note' }) as unknown as ServerEvent;
    const rooms = Array.from({ length: 100 }, (_, r) => r);
    for (let i = 0; i < compactEvery; i++) {
      await Promise.all(rooms.map((r) => relay!.appendServerEvents(`c${r}`, doc, [event(r, i)])));
    }
    await eventually(async () => {
      for (const r of rooms) expect(await storage!.docs.count(`c${r}/public`)).toBe(1);
    });
    expect(merges.done).toBeGreaterThanOrEqual(rooms.length);
    expect(merges.most).toBe(1);
    for (const r of rooms) {
      const stored = new Y.Doc();
      for (const u of await storage.docs.load(`c${r}/public`)) Y.applyUpdate(stored, u);
      expect(stored.getArray('events').length).toBe(compactEvery);
    }
  });
});
