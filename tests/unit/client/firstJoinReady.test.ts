import { describe, expect, it } from 'vitest';
import { connect, createCompound, raised, synced } from '../../helpers/clients.ts';
import { eventually } from '../../helpers/eventually.ts';
import { useTestServer } from '../../helpers/useTestServer.ts';
import { aim, goOffline, goOnline } from './support/onlineBrowser.ts';
import { handleFor } from './support/relayHandle.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');
const { api } = await import('../../../client/sync/api.ts');

/**
 * A copy that loads empty while online is a first join: the document is on its way, and pages read
 * `ready`, not `loaded`, before they say "not found" or "nothing yet". Before, a new member saw
 * 还没有议题 and "not on this phone" for the whole download.
 */
describe('a document’s copy on a first join', () => {
  const server = useTestServer();

  it('is joining, not ready, from its empty load until the relay’s document is in', async () => {
    aim(server.url);
    const admin = await createCompound(server.url);
    const writer = connect(server.wsUrl, admin);
    await synced(writer);
    writer.events.push([raised(admin, '一号楼门禁坏了')]);
    await eventually(async () =>
      expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBeGreaterThan(0),
    );
    writer.destroy();

    // The socket waits for its ticket until released: the document is on its way meanwhile.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handle = new DocHandle({
      compoundId: admin.compoundId,
      docName: 'public',
      memberId: admin.memberId,
      ticket: async () => {
        await held;
        return (await api.syncTicket(admin.compoundId, admin.token)).ticket;
      },
      token: () => admin.token,
      onFatal: () => undefined,
    });
    await eventually(() => expect(handle.loaded()).toBe(true));
    // Loaded and empty, and not taken for an empty compound.
    expect(handle.joining()).toBe(true);
    expect(handle.ready()).toBe(false);
    release();
    await eventually(() => expect(handle.ready()).toBe(true), { timeout: 15_000 });
    expect(handle.events().length).toBe(1);
    await handle.destroy();

    // The next visit holds the copy: it is ready at its load, offline too.
    goOffline();
    const again = handleFor(admin, 'public');
    await eventually(() => expect(again.loaded()).toBe(true));
    expect(again.joining()).toBe(false);
    expect(again.ready()).toBe(true);
    await again.destroy();
    goOnline();
  }, 40_000);

  // A review found every page but the agenda on "loading" for a member who wrote offline mid-join.
  it('is ready once the member writes in it, the document still on its way', async () => {
    aim(server.url);
    const admin = await createCompound(server.url);
    const handle = new DocHandle({
      compoundId: admin.compoundId,
      docName: 'public',
      memberId: admin.memberId,
      // The link never comes up: the relay's document does not arrive.
      ticket: () => new Promise<string>(() => undefined),
      token: () => admin.token,
      onFatal: () => undefined,
    });
    await eventually(() => expect(handle.loaded()).toBe(true));
    expect(handle.ready()).toBe(false);
    handle.append([raised(admin, '离线时写的：六号楼水管漏水')]);
    expect(handle.ready()).toBe(true);
    expect(handle.unsent()).toBe(1);
    await handle.destroy();
  });
});
