import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FrontProxy, startFrontProxy } from '../helpers/frontProxy.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { useServer } from './support/server.ts';

/**
 * An admin's phone is away from the relay (no signal in the lift) while another admin makes them a
 * committee member: no socket of theirs is open to hear 4100. Back on the relay, the phone reads its
 * role again, so its members page stops offering what only admins may do before any write is refused.
 */
describe('a role changed while the phone was away', () => {
  const app = useServer();
  let founder: Phone; // 张书记, community, created the compound
  let owners: Phone; // 业委会老陈, reaching the relay through a front proxy that can cut them off
  let proxy: FrontProxy;

  beforeAll(async () => {
    [founder, owners] = await Promise.all([launchPhone(), launchPhone()]);
    proxy = await startFrontProxy([app.server.port]);
  });
  afterAll(async () => {
    await Promise.all([founder?.dispose(), owners?.dispose(), proxy?.close()]);
  });

  it('the members page drops the admin’s buttons once the phone is back, with nothing written', async () => {
    const compoundId = await new OnboardingPages(founder.page).createCompound(app.url, '和平小区', '张书记', '社区');
    const members = new MembersPage(founder.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '三方成员', party: '业委会' });
    await members.closeDialog();
    await new OnboardingPages(owners.page).joinByLink(link.replace(app.url, proxy.url), '业委会老陈');
    const ownersMembers = new MembersPage(owners.page);
    await ownersMembers.open(proxy.url, compoundId);

    await members.makeAdmin('业委会老陈');
    const invitesHeading = owners.page.getByRole('heading', { name: '可用的邀请' });
    await invitesHeading.waitFor({ timeout: 20_000 });
    await expect.poll(() => owners.page.getByRole('button', { name: '移除' }).count()).toBe(1);

    // Away: the phone's network drops its sockets, and the relay holds none of them when the role changes.
    proxy.outage(true);
    await expect.poll(() => new AppShell(owners.page).syncState(), { timeout: 20_000 }).not.toBe('synced');
    expect(proxy.websockets(0)).toBe(0);
    await members.unmakeAdmin('业委会老陈');
    await expect.poll(() => members.roleOf('业委会老陈'), { timeout: 20_000 }).toBe('三方成员 · 业委会');

    proxy.outage(false);
    await new AppShell(owners.page).waitSynced();
    await expect.poll(() => invitesHeading.count(), { timeout: 20_000 }).toBe(0);
    expect(await owners.page.getByRole('button', { name: '移除' }).count()).toBe(0);
    expect(await owners.page.getByTestId('make-admin').count()).toBe(0);
  });
});
