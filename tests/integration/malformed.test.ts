import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('the relay survives any frame', () => {
  const server = useTestServer({ MAX_FRAME_BYTES: '65536', WS_MESSAGES_PER_SECOND: '20', WS_MESSAGE_BURST: '40' });
  let admin: Session;
  let attacker: Session;
  let neighbour: TestClient;
  let watcher: TestClient;
  beforeEach(async () => {
    admin = await createCompound(server.url);
    attacker = await addMember(server.url, admin, { role: 'resident' }, '捣乱者');
    neighbour = server.connect(admin);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '邻居');
    watcher = server.connect(bob);
    await Promise.all([synced(neighbour), synced(watcher)]);
  });

  /** The neighbour in the same room still syncs after the bad connection was closed. */
  async function neighbourStillSyncs() {
    const before = watcher.events.length;
    neighbour.events.push([raised(admin, '邻居照常同步')]);
    await eventually(() => expect(watcher.events.length).toBe(before + 1));
  }

  const cases: [string, () => Uint8Array | string, number][] = [
    [
      'garbage bytes',
      () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
      CloseCode.BadMessage,
    ],
    ['a truncated varint', () => new Uint8Array([0x00, 0x02, 0x85]), CloseCode.BadMessage],
    ['an unknown message type', () => new Uint8Array([0x07, 0x00]), CloseCode.BadMessage],
    ['an unknown sync message', () => syncFrame(9, new Uint8Array([1, 2])), CloseCode.BadMessage],
    ['an update Yjs cannot decode', () => syncFrame(2, new Uint8Array([1, 200, 3, 9, 9, 9, 9])), CloseCode.BadMessage],
    ['a text frame', () => 'hello', CloseCode.BadMessage],
    [
      'an awareness frame that is not awareness',
      () => new Uint8Array([0x01, 0x03, 0x01, 0x02, 0x03]),
      CloseCode.BadMessage,
    ],
    ['a frame over the size limit', () => new Uint8Array(70_000), CloseCode.TooLarge],
  ];

  for (const [name, frame, code] of cases) {
    it(`${name} closes only that connection with ${code}, and nothing is stored`, async () => {
      const bytesBefore = await server.storage.docs.bytes(`${admin.compoundId}/public`);
      const raw = await openRaw(server.wsUrl, attacker);
      raw.send(frame());
      const closed = await raw.closed;
      expect(closed.code).toBe(code);
      expect(closed.reason.length).toBeGreaterThan(0);
      expect(await server.storage.docs.bytes(`${admin.compoundId}/public`)).toBe(bytesBefore);
      await neighbourStillSyncs();
    });
  }

  it('a flooding connection is closed as rate limited while the neighbour keeps syncing', async () => {
    const raw = await openRaw(server.wsUrl, attacker);
    const ping = new Uint8Array([0x03]); // query awareness: harmless, but not 500 times at once
    for (let i = 0; i < 500 && raw.ws.readyState === raw.ws.OPEN; i++) raw.send(ping);
    expect((await raw.closed).code).toBe(CloseCode.RateLimited);
    await neighbourStillSyncs();
  });

  it('an update whose items depend on content the relay never saw is refused', async () => {
    const doc = new Y.Doc();
    doc.getArray('events').push([raised(attacker, '第一')]);
    const sv = Y.encodeStateVector(doc);
    doc.getArray('events').push([raised(attacker, '第二')]);
    const onlySecond = Y.encodeStateAsUpdate(doc, sv);
    const raw = await openRaw(server.wsUrl, attacker);
    raw.send(syncFrame(2, onlySecond));
    expect((await raw.closed).code).toBe(CloseCode.UpdateRejected);
    await neighbourStillSyncs();
  });
});
