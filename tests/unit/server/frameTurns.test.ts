import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/errors.ts';
import type { Member } from '../../../shared/roles.ts';
import { parseDocName } from '../../../shared/rooms.ts';
import { defaultValidationLimits } from '../../../shared/rules/validateUpdate.ts';
import { governance } from '../../../sync-server/governance.ts';
import { decodeMessage } from '../../../sync-server/relay/protocol.ts';
import { Relay } from '../../../sync-server/relay/Relay.ts';
import type { RelaySocket } from '../../../sync-server/relay/types.ts';
import { openSqliteStorage } from '../../../sync-server/storage/sqlite/SqliteStorage.ts';
import { eventually } from '../../helpers/eventually.ts';
import { syncFrame } from '../../helpers/rawSocket.ts';

const ref = parseDocName('public')!;
const memberOf = (compoundId: string, memberId: string): Member => ({
  memberId,
  compoundId,
  name: '李秀兰',
  role: 'resident',
  party: 'owners',
});
const raised = (by: string, id: string) => ({
  id,
  type: 'request.raised',
  at: 1_760_000_000_000,
  by,
  title: '5号楼路灯不亮，晚上回家看不见路',
  category: 'lighting',
});

/** What a phone sends after a long time offline: all its events in one update (`client`: its Yjs client id). */
function backlog(by: string, n: number, lastId?: string, client?: number): Uint8Array {
  const doc = new Y.Doc();
  if (client !== undefined) doc.clientID = client;
  const events = Array.from({ length: n }, (_, i) => raised(by, `${by}-${i}`));
  if (lastId) events[n - 1] = raised(by, lastId);
  doc.getArray('events').push(events);
  return syncFrame(2, Y.encodeStateAsUpdate(doc));
}

function oneEvent(by: string, id: string, event: Record<string, unknown> = raised(by, id)): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  doc.getArray('events').push([event]);
  return syncFrame(2, Y.encodeStateAsUpdate(doc));
}

let dir: string | undefined;
let storage: ReturnType<typeof openSqliteStorage> | undefined;
afterEach(async () => {
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  storage = undefined;
  dir = undefined;
});

/** The relay core on a real SQLite file with the app's rules; sockets record what reaches them, in one shared order. */
function relayOnDisk() {
  dir = mkdtempSync(join(tmpdir(), 'little-stool-turns-'));
  storage = openSqliteStorage(dir);
  const relay = new Relay(storage.docs, {
    limits: {
      maxFrameBytes: 8 << 20,
      messagesPerSecond: 1000,
      messageBurst: 1000,
      bytesPerSecond: 1 << 30,
      byteBurst: 1 << 30,
      connectionsPerMember: 10,
      maxBufferedBytes: 1 << 30,
    },
    policy: governance(defaultValidationLimits),
    compactEvery: 1e9,
    idleMs: 60_000,
    log: () => undefined,
  });
  /** Every update a reader got, as `reader:events`, in the order they arrived across readers. */
  const arrivals: string[] = [];
  const connect = (name: string, member: Member) => {
    const closes: number[] = [];
    const socket: RelaySocket = {
      send(data) {
        const m = decodeMessage(data);
        if (m.kind !== 'update' && m.kind !== 'step2') return;
        const doc = new Y.Doc();
        Y.applyUpdate(doc, m.update);
        const n = doc.getArray('events').length;
        if (n > 0) arrivals.push(`${name}:${n}`);
      },
      close: (code) => void closes.push(code),
      bufferedAmount: 0,
    };
    const conn = relay.connect(socket, member, ref);
    if (!conn) throw new Error('refused to connect');
    return { conn, closes };
  };
  const room = (compoundId: string) => relay.room(`${compoundId}/public`, ref);
  return { relay, arrivals, connect, room };
}

describe('a large frame is checked over several turns', () => {
  it('another compound’s update reaches its phones while the backlog is still being checked', async () => {
    const { arrivals, connect, room } = relayOnDisk();
    const sender = connect('a-sender', memberOf('ca', 'a1'));
    connect('a-reader', memberOf('ca', 'a2'));
    const other = connect('b-writer', memberOf('cb', 'b1'));
    connect('b-reader', memberOf('cb', 'b2'));
    await Promise.all([room('ca').ready, room('cb').ready]);

    sender.conn.receive(backlog('a1', 20_000));
    // The backlog's first turn has ended and it is not through yet: another room's frame is handled now.
    expect(arrivals).toEqual([]);
    other.conn.receive(oneEvent('b1', 'b-1'));

    await eventually(() => expect(arrivals).toContain('a-reader:20000'), { timeout: 20_000 });
    expect(arrivals).toEqual(['b-reader:1', 'a-reader:20000']);
    expect(room('ca').doc.getArray('events').length).toBe(20_000);
    expect(sender.closes).toEqual([]);
  });

  it('the room’s own frames wait in order behind it, and its events are all folded before the next check', async () => {
    const { arrivals, connect, room } = relayOnDisk();
    const sender = connect('sender', memberOf('ca', 'a1'));
    const next = connect('next', memberOf('ca', 'a2'));
    const repeat = connect('repeat', memberOf('ca', 'a3'));
    connect('reader', memberOf('ca', 'a4'));
    await room('ca').ready;

    sender.conn.receive(backlog('a1', 20_000));
    next.conn.receive(oneEvent('a2', 'a2-1'));
    // An id from the middle of the backlog: held once the fold has taken every part of it.
    repeat.conn.receive(oneEvent('a3', 'a1-12345'));

    await eventually(() => expect(repeat.closes).toEqual([CloseCode.UpdateRejected]), { timeout: 20_000 });
    await eventually(() =>
      expect(arrivals.filter((a) => a.startsWith('reader:'))).toEqual(['reader:20000', 'reader:1']),
    );
    expect(room('ca').doc.getArray('events').length).toBe(20_001);
    expect(sender.closes).toEqual([]);
    expect(next.closes).toEqual([]);
  });

  it('refused in a later turn, it closes only its sender, stores nothing, and the frames behind it go on', async () => {
    const { arrivals, connect, room } = relayOnDisk();
    const first = connect('first', memberOf('ca', 'a1'));
    const sender = connect('sender', memberOf('ca', 'a2'));
    const next = connect('next', memberOf('ca', 'a3'));
    connect('reader', memberOf('ca', 'a4'));
    await room('ca').ready;
    first.conn.receive(oneEvent('a1', 'taken'));
    const reader = () => arrivals.filter((a) => a.startsWith('reader:'));
    await eventually(() => expect(reader()).toEqual(['reader:1']));
    const rowsBefore = await storage!.docs.count('ca/public');

    // The last of 20,000 events repeats an id the room holds: found only after many turns of checks.
    sender.conn.receive(backlog('a2', 20_000, 'taken'));
    next.conn.receive(oneEvent('a3', 'a3-1'));

    await eventually(() => expect(sender.closes).toEqual([CloseCode.UpdateRejected]), { timeout: 20_000 });
    await eventually(() => expect(reader()).toEqual(['reader:1', 'reader:1']));
    expect(await storage!.docs.count('ca/public')).toBe(rowsBefore + 1);
    expect(room('ca').doc.getArray('events').length).toBe(2);
    expect(next.closes).toEqual([]);
  });

  it('a backlog that lands before what others wrote meanwhile is re-folded in steps to the same state', async () => {
    const { arrivals, connect, room } = relayOnDisk();
    const first = connect('first', memberOf('ca', 'a1'));
    const sender = connect('sender', memberOf('ca', 'a2'));
    const raiser = connect('raiser', memberOf('ca', 'a2'));
    const other = connect('other', memberOf('ca', 'a3'));
    connect('reader', memberOf('ca', 'a4'));
    await room('ca').ready;
    first.conn.receive(oneEvent('a1', 'meanwhile'));
    const reader = () => arrivals.filter((a) => a.startsWith('reader:'));
    await eventually(() => expect(reader()).toEqual(['reader:1']));

    // Written offline from an empty copy under a lower client id: Yjs places it before 'meanwhile'.
    sender.conn.receive(backlog('a2', 20_000, undefined, 1));
    await eventually(() => expect(reader()).toEqual(['reader:1', 'reader:20000']), { timeout: 20_000 });
    const events = room('ca').doc.getArray<{ id: string }>('events');
    expect(events.get(0).id).toBe('a2-0');
    expect(events.get(20_000).id).toBe('meanwhile');

    // The fold holds every part: an id from the middle is taken, the backlog's raiser may edit and no one else.
    const edit = (by: string, id: string) => ({
      id,
      type: 'request.edited',
      at: 1_760_000_000_001,
      by,
      requestId: 'a2-15000',
      title: '5号楼和6号楼路灯不亮',
    });
    other.conn.receive(oneEvent('a3', 'a3-edit', edit('a3', 'a3-edit')));
    await eventually(() => expect(other.closes).toEqual([CloseCode.UpdateRejected]));
    raiser.conn.receive(oneEvent('a2', 'a2-edit', edit('a2', 'a2-edit')));
    await eventually(() => expect(reader()).toEqual(['reader:1', 'reader:20000', 'reader:1']));
    first.conn.receive(oneEvent('a1', 'a2-9999'));
    await eventually(() => expect(first.closes).toEqual([CloseCode.UpdateRejected]));
    expect(events.length).toBe(20_002);
    expect(sender.closes).toEqual([]);
    expect(raiser.closes).toEqual([]);
  });
});

describe('reading a room (the agenda’s first screen)', () => {
  it('waits behind a frame being checked, and is refused, not left hanging, when the room is dropped meanwhile', async () => {
    const { relay, connect, room } = relayOnDisk();
    const sender = connect('sender', memberOf('ca', 'a1'));
    await room('ca').ready;
    sender.conn.receive(backlog('a1', 20_000));
    // The backlog is half-way through its checks: a read sees the document before or after it, whole.
    const waiting = relay.read('ca', ref, (doc) => doc.getArray('events').length);
    const after = await waiting;
    expect(after).toBe(20_000);

    // A second backlog, new ids: the read waits behind its checks, and the room is dropped.
    const more = new Y.Doc();
    more.getArray('events').push(Array.from({ length: 20_000 }, (_, i) => raised('a1', `more-${i}`)));
    sender.conn.receive(syncFrame(2, Y.encodeStateAsUpdate(more)));
    let settled = false;
    const dropped = relay
      .read('ca', ref, (doc) => doc.getArray('events').length)
      .finally(() => {
        settled = true;
      });
    // Queued behind the backlog (its checks take many turns), then the room goes.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    room('ca').destroy();
    await expect(dropped).rejects.toThrow('the room was closed');
  });

  it('loads no room once the relay is shutting down', async () => {
    const { relay } = relayOnDisk();
    await relay.close();
    await expect(relay.read('cz', ref, () => 'read')).rejects.toThrow('shutting down');
    expect(relay.stats().rooms).toBe(0);
  });
});
