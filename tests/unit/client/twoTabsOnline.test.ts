import { describe, expect, it } from 'vitest';
import { connect, createCompound, raised, synced } from '../../helpers/clients.ts';
import { eventually } from '../../helpers/eventually.ts';
import { useTestServer } from '../../helpers/useTestServer.ts';
import { aim, goOffline, goOnline } from './support/onlineBrowser.ts';
import { handleFor } from './support/relayHandle.ts';

const { docsWithUnsent } = await import('../../../client/sync/unsentDocs.ts');

/**
 * Two tabs of one compound (the installed app, and a tab opened from a WeChat link). Tab A writes
 * offline and is closed; its write is in IndexedDB only. Tab B stays open and comes back online.
 * A review found tab B saying all was sent while tab A's write never left the phone.
 */
describe('a write made offline in a second tab, closed before the phone came back online', () => {
  const server = useTestServer();

  it('reaches the relay while the first tab stays open', async () => {
    aim(server.url);
    const admin = await createCompound(server.url);
    goOffline();
    const b = handleFor(admin, 'public');
    await eventually(() => expect(b.loaded()).toBe(true));
    const a = handleFor(admin, 'public');
    await eventually(() => expect(a.loaded()).toBe(true));
    const event = raised(admin, '二号楼楼道灯坏了（第二个标签页，离线写的）');
    a.append([event]);
    await a.destroy();
    goOnline();
    await eventually(() => expect(b.synced()).toBe(true), { timeout: 15_000 });
    await eventually(() => expect(b.unsent()).toBe(0), { timeout: 15_000 });
    // Tab B says everything is sent. Does the relay hold tab A's write?
    const observer = connect(server.wsUrl, admin);
    await synced(observer);
    const ids = () => (observer.events.toJSON() as { id: string }[]).map((e) => e.id);
    await eventually(() => expect(ids()).toContain(event.id), { timeout: 8_000 });
    observer.destroy();
    await b.destroy();
  }, 40_000);

  it('keeps a meeting’s minutes on the list of documents to open at the next start while tab A’s notes are unsent', async () => {
    aim(server.url);
    const admin = await createCompound(server.url);
    goOffline();
    const b = handleFor(admin, 'minutes-m1');
    await eventually(() => expect(b.loaded()).toBe(true));
    const a = handleFor(admin, 'minutes-m1');
    await eventually(() => expect(a.loaded()).toBe(true));
    a.doc().getText('notes').insert(0, '三号楼电梯：下周二维修');
    await eventually(() => expect(a.unsent()).toBe(1));
    await a.destroy();
    b.doc().getText('notes').insert(0, '到会 12 人。');
    goOnline();
    await eventually(() => expect(b.synced()).toBe(true), { timeout: 15_000 });
    await eventually(() => expect(b.unsent()).toBe(0), { timeout: 15_000 });
    const observer = connect(server.wsUrl, admin, 'minutes-m1');
    await synced(observer);
    const relayHasA = observer.doc.getText('notes').toString().includes('三号楼电梯');
    observer.destroy();
    await b.destroy();
    // Either the relay has tab A's notes, or the next start must open the minutes to send them.
    expect(relayHasA || docsWithUnsent(admin.compoundId).includes('minutes-m1')).toBe(true);
  }, 40_000);
});
