import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import { parseDocName } from '../../shared/rooms.ts';
import type { Connection } from '../../sync-server/relay/Connection.ts';
import { decodeMessage } from '../../sync-server/relay/protocol.ts';
import { Relay } from '../../sync-server/relay/Relay.ts';
import type { Room } from '../../sync-server/relay/Room.ts';
import type { RelayOptions, UpdatePolicy } from '../../sync-server/relay/types.ts';
import type { Storage } from '../../sync-server/storage/Storage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { syncFrame } from './rawSocket.ts';
import { tempDir } from './startServer.ts';

/** A member's socket to the relay, with a Y.Doc that applies whatever the relay sends it. */
export interface Peer {
  readonly doc: Y.Doc;
  readonly conn: Connection;
  readonly closes: { code: number; reason: string }[];
  /** Updates the relay forwarded to this peer. */
  readonly updates: Uint8Array[];
  /** Sends an update as the y-websocket client would. */
  send(update: Uint8Array): void;
}

export interface RelayPeers {
  readonly relay: Relay;
  readonly storage: Storage;
  room(): Room;
  /** Connects a member to the document with a fresh doc; its local writes go to the relay. */
  connect(member: Member): Promise<Peer>;
}

/**
 * The relay core with a given update policy on a real SQLite file and in-memory sockets, fresh for
 * each test: for what the relay does when a policy lets through an update Yjs cannot apply.
 */
export function useRelayPeers(policy: UpdatePolicy, docName = 'public'): RelayPeers {
  let current: { relay: Relay; storage: Storage } | undefined;
  const options = (): RelayOptions => ({
    policy,
    compactEvery: 500,
    idleMs: 60_000,
    log: () => undefined,
    limits: {
      maxFrameBytes: 4 * 1024 * 1024,
      messagesPerSecond: 10_000,
      messageBurst: 10_000,
      bytesPerSecond: 64 * 1024 * 1024,
      byteBurst: 64 * 1024 * 1024,
      connectionsPerMember: 10,
      maxBufferedBytes: 64 * 1024 * 1024,
    },
  });
  beforeEach(() => {
    const storage = openSqliteStorage(tempDir());
    current = { storage, relay: new Relay(storage.docs, options()) };
  });
  afterEach(async () => {
    await current?.relay.close();
    await current?.storage.close();
    current = undefined;
  });
  const running = () => {
    if (!current) throw new Error('the relay runs only inside its describe block');
    return current;
  };
  const ref = parseDocName(docName)!;
  const room = () => running().relay.room(`c1/${docName}`, ref);
  return {
    get relay() {
      return running().relay;
    },
    get storage() {
      return running().storage;
    },
    room,
    async connect(member) {
      const doc = new Y.Doc();
      const closes: Peer['closes'] = [];
      const updates: Uint8Array[] = [];
      const conn = running().relay.connect(
        {
          bufferedAmount: 0,
          send(data) {
            const m = decodeMessage(data);
            if (m.kind !== 'update' && m.kind !== 'step2') return;
            updates.push(m.update);
            Y.applyUpdate(doc, m.update, 'relay');
          },
          close: (code, reason) => closes.push({ code, reason }),
        },
        member,
        ref,
      );
      if (!conn) throw new Error('the relay refused the connection');
      const send = (update: Uint8Array) => conn.receive(syncFrame(2, update));
      doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'relay') send(u);
      });
      await room().ready;
      conn.receive(syncFrame(0, Y.encodeStateVector(doc)));
      return { doc, conn, closes, updates, send };
    },
  };
}
