import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('a phone writes the moment it is back online', () => {
  const server = useTestServer();

  it('an update sent ahead of its SyncStep2, building on what the phone wrote offline, is kept', async () => {
    const admin = await createCompound(server.url);
    // Written offline: the relay has never seen this item.
    const doc = new Y.Doc();
    const events = doc.getArray('events');
    events.push([raised(admin, '离线时记下的')]);
    const offline = Y.encodeStateVector(doc);
    // Written as the socket opened, after the item above.
    events.push([raised(admin, '刚连上就记的')]);
    const typed = Y.encodeStateAsUpdate(doc, offline);

    // As the stock client sends them: its SyncStep1 on open, the update typed meanwhile, and its
    // SyncStep2 (the offline item) only once the relay's SyncStep1 has come back.
    const raw = await openRaw(server.wsUrl, admin);
    raw.send(syncFrame(0, Y.encodeStateVector(doc)));
    raw.send(syncFrame(2, typed));
    const step1 = await eventually(() => {
      const found = raw.received.find((m) => m[0] === 0 && m[1] === 0);
      expect(found).toBeDefined();
      return found!;
    });
    const reading = decoding.createDecoder(step1.subarray(2));
    expect(Y.decodeStateVector(decoding.readVarUint8Array(reading)).has(doc.clientID)).toBe(false);
    raw.send(syncFrame(1, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Y.Doc()))));

    const reader = connect(server.wsUrl, admin, 'public', new Y.Doc());
    try {
      await synced(reader);
      await eventually(() => {
        const titles = (reader.events.toArray() as { title?: string }[]).map((e) => e.title);
        expect(titles).toEqual(expect.arrayContaining(['离线时记下的', '刚连上就记的']));
      });
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    } finally {
      reader.destroy();
      raw.ws.close();
    }
  });
});
