import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { SnapPage } from './pages/SnapPage.ts';
import { sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone, waitForController } from './support/browser.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

describe('随手拍 from the agenda on two phones', () => {
  const app = useServer();
  let admin: Phone; // 王阿姨, owners' committee
  let rider: Phone; // 小张, a delivery rider living here
  let compoundId: string;
  const month = () => shanghaiDay(Date.now()).slice(0, 7);

  beforeAll(async () => {
    [admin, rider] = await Promise.all([launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([admin?.dispose(), rider?.dispose()]);
  });

  it('a rider joins the compound', async () => {
    compoundId = await new OnboardingPages(admin.page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const members = new MembersPage(admin.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await new OnboardingPages(rider.page).joinByLink(link, '小张');
    await Promise.all([admin, rider].map((p) => new AppShell(p.page).waitSynced()));
    await waitForController(rider.page);
  });

  it('offline, one tap opens the camera; a typed word guesses the category; 提交 puts it on the other phone marked 随手拍', async () => {
    const page = rider.page;
    const shell = new AppShell(page);
    await new AgendaPage(page).open(app.url, compoundId);
    await rider.context.setOffline(true);
    await expect.poll(() => shell.syncState()).toBe('offline');
    expect(await page.getByTestId('snap-camera').getAttribute('capture')).toBe('environment');
    const snap = new SnapPage(page);
    await snap.snap(await makeJpeg(page, 1600, 1200));
    expect(await snap.category()).toBeNull();
    await snap.describe('井盖松了');
    await expect.poll(() => snap.category()).toBe('道路');
    await snap.describe('路灯坏了');
    await expect.poll(() => snap.category()).toBe('路灯照明');
    expect(await snap.reporterKind()).toBe('上报身份：居民');
    // 网格员 is a post the community gives, not one a resident takes in a tap.
    expect(await snap.kindChoices()).toEqual(['快递/外卖小哥', '居民']);
    await snap.chooseKind('快递/外卖小哥');
    await expect.poll(() => snap.reporterKind()).toBe('上报身份：快递/外卖小哥');
    // No rule for snap reports in this compound: the rider is told before sending.
    await expect(page.getByTestId('snap-points').textContent()).resolves.toBe(
      '本小区还没有给随手拍设积分，受理了也不加分。',
    );
    await page.screenshot({ path: screenshotPath('zh-CN-snap-form.png') });
    expect(await sizeProblems(page)).toEqual([]);
    await snap.submit();
    await rider.context.setOffline(false);
    await shell.waitSynced();

    const agenda = new AgendaPage(admin.page);
    await agenda.open(app.url, compoundId);
    await expect.poll(() => agenda.titles(), { timeout: 20_000 }).toEqual(['路灯坏了']);
    expect(await agenda.item('路灯坏了').getByTestId('snap-tag').textContent()).toBe('随手拍');
    expect(await admin.page.getByTestId('snap-camera').isVisible()).toBe(false);
    // The photo taken offline reaches the committee's phone once the rider is back online.
    await agenda.openRequest('路灯坏了');
    await expect.poll(() => new RequestPage(admin.page).photoStates(), { timeout: 20_000 }).toEqual(['ready']);
    await agenda.open(app.url, compoundId);
    await agenda.item('路灯坏了').scrollIntoViewIfNeeded();
    await admin.page.screenshot({ path: screenshotPath('zh-CN-snap-agenda.png') });
  });

  it('the counts page shows the report by reporter kind, and accepted once the committee classifies it', async () => {
    const agenda = new AgendaPage(admin.page);
    const snap = new SnapPage(admin.page);
    await snap.openStats();
    await expect.poll(() => snap.total(month())).toBe('1 条 · 受理 0 · 办结 0');
    expect(await snap.kindLine(month(), 'delivery-rider')).toBe('1 条 · 受理 0 · 办结 0');
    expect(await snap.kindLine(month(), 'resident')).toBe('0 条 · 受理 0 · 办结 0');

    await agenda.open(app.url, compoundId);
    await agenda.openRequest('路灯坏了');
    await new RequestPage(admin.page).classify('路灯照明', '一般');
    await agenda.open(app.url, compoundId);
    await snap.openStats();
    await expect.poll(() => snap.total(month())).toBe('1 条 · 受理 1 · 办结 0');
    await admin.page.screenshot({ path: screenshotPath('zh-CN-snap-stats.png') });
    expect(await admin.page.locator('main').textContent()).not.toContain('小张');
  });
});
