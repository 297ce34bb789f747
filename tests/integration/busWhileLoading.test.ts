import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RejectReason, RuleError } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { RedisBus } from '../../sync-server/bus/RedisBus.ts';
import { CATCH_UP_RETRY_MS } from '../../sync-server/relay/BusLink.ts';
import { Relay } from '../../sync-server/relay/Relay.ts';
import type { RelayOptions, UpdatePolicy } from '../../sync-server/relay/types.ts';
import type { DocStore, Storage } from '../../sync-server/storage/Storage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { eventually } from '../helpers/eventually.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/startRedis.ts';
import { tempDir } from '../helpers/startServer.ts';
import { admin, resident } from '../unit/support/members.ts';

/**
 * One relay on a real Redis bus and a real SQLite file, what "another instance" stores written to
 * that file directly: how the room's link to the bus behaves while its document loads, and when
 * storage fails under a catch-up. Storage is wrapped only to hold or fail its reads at a chosen moment.
 */

const ROOM = 'c1/public';
const ref = parseDocName('public')!;
const limits = {
  maxFrameBytes: 4 << 20,
  messagesPerSecond: 10_000,
  messageBurst: 10_000,
  bytesPerSecond: 64 << 20,
  byteBurst: 64 << 20,
  connectionsPerMember: 10,
  maxBufferedBytes: 64 << 20,
};

/** One client's update setting `key` in the map `m`. */
function setting(key: string, client: number): Uint8Array {
  const d = new Y.Doc();
  d.clientID = client;
  const out: Uint8Array[] = [];
  d.on('update', (u: Uint8Array) => out.push(u));
  d.getMap('m').set(key, 1);
  return Y.mergeUpdates(out);
}

/** Storage whose reads of rows can be held (`hold`) or made to fail (`failing`). */
function controlled(docs: DocStore) {
  const control = { failing: false, hold: undefined as Promise<void> | undefined, holding: false };
  const store: DocStore = {
    ...docs,
    async *loadBatches(room, size) {
      if (control.failing) throw new Error('storage unreachable');
      // The rows are read first, then held: as a read that began before another instance's write.
      const batches: Uint8Array[][] = [];
      for await (const b of docs.loadBatches(room, size)) batches.push(b);
      if (control.hold) {
        control.holding = true;
        await control.hold;
        control.holding = false;
      }
      yield* batches;
    },
  };
  return { store, control };
}

describe.skipIf(!redisAvailable)('a room on the bus while its document loads', () => {
  let redis: TestRedis | undefined;
  let cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup = [];
    await redis?.stop();
    redis = undefined;
  });

  async function relayOnBus(policy: UpdatePolicy = { check: () => ({ changed: true }) }) {
    redis = await startRedis();
    const logs: string[] = [];
    const log: RelayOptions['log'] = (level, msg) => logs.push(`${level} ${msg}`);
    const storage: Storage = openSqliteStorage(tempDir());
    const { store, control } = controlled(storage.docs);
    const bus = new RedisBus(redis.url, { log });
    // Another instance: what it publishes reaches this relay through Redis.
    const other = new RedisBus(redis.url, { log });
    const relay = new Relay(store, {
      policy,
      bus,
      crossInstanceWaitMs: 200,
      compactEvery: 500,
      idleMs: 60_000,
      log,
      limits,
    });
    cleanup.push(
      () => storage.close(),
      () => other.close(),
      () => bus.close(),
      () => relay.close(),
    );
    // Hears what the room hears from the bus, in the same turn.
    const heard: string[] = [];
    await bus.join(ROOM, {
      update: (u) => {
        const d = new Y.Doc();
        Y.applyUpdate(d, u);
        heard.push(...d.getMap('m').keys());
      },
      awareness: () => {},
      gap: () => heard.push('gap'),
    });
    const connect = (member: Member) => {
      const closes: string[] = [];
      const conn = relay.connect(
        { bufferedAmount: 0, send: () => {}, close: (_code, reason) => closes.push(reason) },
        member,
        ref,
      )!;
      return { closes, send: (update: Uint8Array) => conn.receive(syncFrame(2, update)) };
    };
    const room = () => relay.room(ROOM, ref);
    const keysOf = (doc: Y.Doc) => [...doc.getMap('m').keys()].sort();
    /** Another instance stores U, and its announcement is lost; then it stores and announces V. */
    const missedThenAnnounced = async (u: Uint8Array, v: Uint8Array) => {
      await storage.docs.append(ROOM, u, []);
      await redis!.client.incr(`ls:{${ROOM}}:seq`);
      await storage.docs.append(ROOM, v, []);
      other.publish(ROOM, 'update', v);
      // V comes with a skipped number: a gap, then V.
      await eventually(() => expect(heard.slice(-2)).toEqual(['gap', 'V']));
    };
    const stored = async () => {
      const d = new Y.Doc();
      for (const u of await storage.docs.load(ROOM)) Y.applyUpdate(d, u);
      return keysOf(d);
    };
    const storedElsewhere = (u: Uint8Array) => storage.docs.append(ROOM, u, []);
    return { control, logs, connect, room, keysOf, missedThenAnnounced, storedElsewhere, stored };
  }

  it('a gap heard while the document loads is caught up once it has: nothing stored meanwhile is missed', async () => {
    const r = await relayOnBus();
    let release!: () => void;
    r.control.hold = new Promise((resolve) => {
      release = resolve;
    });
    r.connect(admin);
    // The room follows the bus and has read storage, still empty: another instance stores now.
    await eventually(() => expect(r.control.holding).toBe(true));
    await r.missedThenAnnounced(setting('U', 7), setting('V', 8));
    release();
    await r.room().ready;
    await eventually(() => expect(r.keysOf(r.room().doc)).toEqual(['U', 'V']));
  });

  it('a catch-up that storage fails is logged and tried again, never an unhandled rejection', async () => {
    const r = await relayOnBus();
    r.connect(admin);
    await r.room().ready;
    r.control.failing = true;
    await r.missedThenAnnounced(setting('U', 7), setting('V', 8));
    await eventually(() => expect(r.logs).toContain('error catch-up failed'));
    expect(r.keysOf(r.room().doc)).toEqual(['V']);
    r.control.failing = false;
    await eventually(() => expect(r.keysOf(r.room().doc)).toEqual(['U', 'V']), { timeout: CATCH_UP_RETRY_MS * 5 });
  });

  it('a held frame whose wait ends while the document reloads is checked once it has, with the rules', async () => {
    const checks: { rules: boolean; keys: string[] }[] = [];
    const policy: UpdatePolicy = {
      attach: () => ({ detach() {} }),
      check(_update, member, room) {
        // The admin's frame is refused once applied: the room drops its doc and loads it again.
        if (member.memberId === admin.memberId)
          return {
            changed: true,
            afterApply: () => {
              throw new RuleError(RejectReason.CausalRule, 'refused after applying');
            },
          };
        const keys = [...room.doc.getMap('m').keys()].sort();
        checks.push({ rules: room.rules !== undefined, keys });
        // The resident's update builds on `dep`, which another instance stored.
        if (!keys.includes('dep')) throw new RuleError(RejectReason.Unresolved, 'builds on dep');
        return { changed: true };
      },
    };
    const r = await relayOnBus(policy);
    const adminPhone = r.connect(admin);
    const residentPhone = r.connect(resident);
    await r.room().ready;
    // Stored by another instance; its announcement has not come yet.
    await r.storedElsewhere(setting('dep', 7));
    residentPhone.send(setting('mine', 8));
    const heldAt = Date.now();
    expect(checks).toEqual([{ rules: true, keys: [] }]);
    let release!: () => void;
    r.control.hold = new Promise((resolve) => {
      release = resolve;
    });
    adminPhone.send(setting('x', 9));
    await eventually(() => expect(r.control.holding).toBe(true));
    // The held frame's wait (200 ms) ends while the reload holds.
    await eventually(() => expect(Date.now() - heldAt).toBeGreaterThan(400));
    release();
    await eventually(async () => expect(await r.stored()).toEqual(['dep', 'mine']));
    expect(residentPhone.closes).toEqual([]);
    expect(checks.every((c) => c.rules)).toBe(true);
  });
});
