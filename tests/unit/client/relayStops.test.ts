import { describe, expect, it } from 'vitest';
import { addMember, createCompound } from '../../helpers/clients.ts';
import { eventually } from '../../helpers/eventually.ts';
import { useTestServer } from '../../helpers/useTestServer.ts';
import { aim, downloads, goOffline, goOnline } from './support/onlineBrowser.ts';
import { handleFor } from './support/relayHandle.ts';

const { CompoundSession, CLOSE_CHECK_MS } = await import('../../../client/sync/CompoundSession.ts');
const { saveAccount } = await import('../../../client/sync/accounts.ts');

/** When the relay stops a document (not a refused change of this phone's), against a real relay. */

describe('a 4403 at admission (a document the member may not read, e.g. after leaving the committee)', () => {
  const server = useTestServer();

  it('stops the document and keeps the copy: no files, no "your change was refused"', async () => {
    aim(server.url);
    const admin = await createCompound(server.url);
    const resident = await addMember(server.url, admin, { role: 'resident' });
    const before = downloads.length;
    const h = handleFor(resident, 'committee');
    await eventually(() => expect(h.problem()?.kind).toBe('closed'));
    expect(downloads.length - before).toBe(0);
    await h.destroy();
  });
});

describe('minutes the relay stops (the day’s bytes used up) after their page was left', () => {
  const server = useTestServer({ MEMBER_BYTES_PER_DAY: '1' });

  it('stay open, counted and shown, so the phone never says all is sent', async () => {
    aim(server.url);
    const admin = await createCompound(server.url);
    const account = {
      ...admin,
      compoundName: '和平小区',
      name: '王阿姨',
      role: 'admin' as const,
      party: 'owners' as const,
      addedAt: 0,
    };
    await saveAccount(account);
    goOffline();
    const session = new CompoundSession(account);
    const held = session.hold('minutes-m1');
    const handle = held.handle;
    await eventually(() => expect(handle.loaded()).toBe(true));
    handle.doc().getText('notes').insert(0, '三号楼电梯：下周二维修');
    held.release();
    goOnline();
    await eventually(() => expect(handle.problem()?.kind).toBe('closed'), { timeout: 15_000 });
    // A few of the session's close checks later, the document is still among the open ones.
    const open = (session as unknown as { handles: Map<string, typeof handle> }).handles;
    const checked = Date.now() + 2 * CLOSE_CHECK_MS + 500;
    await eventually(() => expect(Date.now()).toBeGreaterThan(checked), { timeout: 3 * CLOSE_CHECK_MS + 1000 });
    expect(open.get('minutes-m1')).toBe(handle);
    expect(handle.unsent()).toBeGreaterThan(0);
    session.destroy();
  }, 40_000);
});
