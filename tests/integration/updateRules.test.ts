import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** Updates that break the rules are refused: not applied, not stored, not forwarded. */
describe('governance rules on every update', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let watcher: TestClient;
  const room = () => `${admin.compoundId}/public`;
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '居民');
    watcher = server.connect(admin);
    await synced(watcher);
    watcher.events.push([raised(admin, '已有的诉求')]);
    await eventually(async () => expect(await server.storage.docs.count(room())).toBe(1));
  });

  async function expectRefused(write: (c: TestClient) => void, reason: RegExp) {
    const bad = server.connect(resident);
    await synced(bad);
    const before = await server.storage.docs.bytes(room());
    write(bad);
    await eventually(() => expect(bad.closes.length).toBeGreaterThan(0));
    expect(bad.closes[0]!.code).toBe(CloseCode.UpdateRejected);
    expect(bad.closes[0]!.reason).toMatch(reason);
    expect(await server.storage.docs.bytes(room())).toBe(before);
    // The relay's copy and everyone else's are untouched: a fresh honest client proves it.
    const fresh = server.connect(admin, 'public', new Y.Doc());
    await synced(fresh);
    expect(fresh.events.toJSON()).toEqual(watcher.events.toJSON());
    expect(watcher.events.length).toBe(1);
  }

  it('an event with a forged author is refused', async () => {
    await expectRefused((c) => c.events.push([raised(admin)]), /forged_author/);
  });

  it('deleting an event is refused', async () => {
    await expectRefused((c) => c.events.delete(0, 1), /delete_forbidden/);
  });

  it('overwriting through a Y.Map is refused', async () => {
    // The stock client cannot hold 'events' as both types, so the map write comes from a second doc.
    await expectRefused((c) => {
      const rogue = new Y.Doc();
      rogue.clientID = c.doc.clientID + 1;
      rogue.getMap('events').set('x', raised(resident));
      c.provider.ws?.send(syncFrame(2, Y.encodeStateAsUpdate(rogue)) as Uint8Array<ArrayBuffer>);
    }, /map_write/);
  });

  it('a top-level type other than the event log is refused', async () => {
    await expectRefused((c) => c.doc.getArray('sneaky').push([1]), /unknown_root/);
  });

  it('a nested Yjs type inside the event log is refused', async () => {
    await expectRefused((c) => c.events.push([new Y.Map()]), /bad_content|nested_type/);
  });

  it('an unknown event type is refused', async () => {
    await expectRefused((c) => c.events.push([{ ...raised(resident), type: 'request.hacked' }]), /unknown_type/);
  });

  it('an event that fails its schema is refused', async () => {
    await expectRefused((c) => c.events.push([{ ...raised(resident), category: 'aliens' }]), /schema/);
    await expectRefused((c) => c.events.push([{ ...raised(resident), extra: 1 }]), /schema/);
  });

  it('an event stamped more than a day ahead of the relay’s clock is refused; one 20 hours ahead is not', async () => {
    const hour = 3_600_000;
    await expectRefused(
      (c) => c.events.push([{ ...raised(resident), at: Date.now() + 25 * hour }]),
      /^clock_ahead: request\.raised /,
    );
    // A phone set to the wrong time zone, its local time set right, is up to 14 hours off.
    const skewed = server.connect(resident);
    await synced(skewed);
    skewed.events.push([{ ...raised(resident, '时区设错的手机'), at: Date.now() + 20 * hour }]);
    await eventually(() => expect(watcher.events.length).toBe(2));
    expect(skewed.closes).toEqual([]);
  });

  it('a valid event by its author is applied, stored and forwarded', async () => {
    const good = server.connect(resident);
    await synced(good);
    good.events.push([raised(resident, '楼道灯不亮')]);
    await eventually(() => expect(watcher.events.length).toBe(2));
    expect(good.closes).toEqual([]);
    expect(await server.storage.docs.count(room())).toBe(2);
  });
});
