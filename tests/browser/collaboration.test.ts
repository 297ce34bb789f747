import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone, waitForController } from './support/browser.ts';
import { useServer } from './support/server.ts';

describe('two phones in one compound', () => {
  const app = useServer();
  let wang: Phone;
  let li: Phone;
  let compoundId: string;
  beforeAll(async () => {
    [wang, li] = await Promise.all([launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose()]);
  });

  it('create, invite by link, join: both member lists show both, offline too', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '和平小区', '王阿姨', '社区');
    const wangMembers = new MembersPage(wang.page);
    await wangMembers.open(app.url, compoundId);
    const link = await wangMembers.createInvite({ role: '居民' });
    expect(link).toMatch(new RegExp(`^${app.url}/join/[^/]+$`));
    await wangMembers.closeDialog();

    const joined = await new OnboardingPages(li.page).joinByLink(link, '李叔');
    expect(joined).toBe(compoundId);
    await new AppShell(li.page).waitSynced();
    await waitForController(li.page);

    await expect.poll(() => wangMembers.names(), { timeout: 20_000 }).toEqual(['李叔', '王阿姨']);
    const liMembers = new MembersPage(li.page);
    await liMembers.open(app.url, compoundId);
    await expect.poll(() => liMembers.names(), { timeout: 20_000 }).toEqual(['李叔', '王阿姨']);

    await li.context.setOffline(true);
    await li.page.reload();
    await new AppShell(li.page).waitOffline();
    await expect.poll(() => liMembers.names()).toEqual(['李叔', '王阿姨']);
    await li.context.setOffline(false);
    await new AppShell(li.page).waitSynced();
  });

  it('each sees the other’s requests through the relay', async () => {
    const a = new AgendaPage(wang.page);
    const b = new AgendaPage(li.page);
    await Promise.all([a.open(app.url, compoundId), b.open(app.url, compoundId)]);
    await a.raise('东门消防通道被占');
    await expect.poll(() => b.titles(), { timeout: 20_000 }).toEqual(['东门消防通道被占']);
    await b.raise('电梯经常停运', '电梯');
    await expect.poll(() => a.titles(), { timeout: 20_000 }).toContain('电梯经常停运');
  });

  it('one offline, both edit, back online: both converge to the same list', async () => {
    const a = new AgendaPage(wang.page);
    const b = new AgendaPage(li.page);
    const liShell = new AppShell(li.page);
    await liShell.waitSynced();
    await li.context.setOffline(true);
    await expect.poll(() => liShell.syncState()).toBe('offline');
    await a.raise('楼道灯坏了');
    await b.raise('想加装充电桩', '电动车充电');
    await b.raise('绿地里有垃圾', '绿化');
    await expect.poll(() => liShell.unsent()).toBe(2);
    expect(await b.titles()).not.toContain('楼道灯坏了');

    await li.context.setOffline(false);
    await liShell.waitSynced();
    await new AppShell(wang.page).waitSynced();
    const expected = ['东门消防通道被占', '电梯经常停运', '楼道灯坏了', '想加装充电桩', '绿地里有垃圾'].sort();
    await expect.poll(async () => (await a.titles()).slice().sort(), { timeout: 20_000 }).toEqual(expected);
    await expect.poll(async () => (await b.titles()).slice().sort(), { timeout: 20_000 }).toEqual(expected);
    // Same log order on both phones, not just the same set.
    await expect.poll(async () => (await a.titles()).join('|')).toBe((await b.titles()).join('|'));
  });

  it('an admin removes a member: that phone shows “请重新加入”, not a reconnect loop', async () => {
    const wangMembers = new MembersPage(wang.page);
    await wangMembers.open(app.url, compoundId);
    await wangMembers.revoke('李叔');
    await expect
      .poll(() => wangMembers.page.locator('.row-muted').allTextContents(), { timeout: 20_000 })
      .toEqual([expect.stringContaining('李叔')]);
    await li.page.getByTestId('rejoin-screen').waitFor({ timeout: 20_000 });
    await expect(li.page.locator('h1').textContent()).resolves.toBe('请重新加入');
    // After a reload it stays on the screen instead of trying again.
    await li.page.reload();
    await li.page.getByTestId('rejoin-screen').waitFor();
  });
});
