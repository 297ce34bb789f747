import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, usePhone, waitForController } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

describe('a community worker in several compounds', () => {
  const app = useServer();
  const phone = usePhone();

  let first: string;
  let second: string;

  it('switches with one tap and keeps each compound’s data and documents apart', async () => {
    const { page } = phone;
    const onboarding = new OnboardingPages(page);
    const agenda = new AgendaPage(page);
    const shell = new AppShell(page);
    first = await onboarding.createCompound(app.url, '和平小区', '张书记', '社区');
    await agenda.raise('和平小区的路灯', '路灯照明');
    second = await onboarding.createCompound(app.url, '幸福里小区', '张书记', '社区');
    await agenda.raise('幸福里的停车', '停车');
    await shell.waitSynced();
    expect(await agenda.titles()).toEqual(['幸福里的停车']);

    await page.locator('.compound-switch').click();
    await page.getByTestId('compound-list').waitFor();
    await expect(page.getByTestId('compound-item').locator('.row-title').allTextContents()).resolves.toEqual([
      '和平小区',
      '幸福里小区',
    ]);
    await page.getByRole('link', { name: '切换到 和平小区' }).click();
    await page.waitForURL(new RegExp(`/c/${first}/agenda$`));
    await expect.poll(() => agenda.titles()).toEqual(['和平小区的路灯']);
    await expect(page.locator('.compound-name').textContent()).resolves.toBe('和平小区');
    await shell.waitSynced();

    const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
    for (const id of [first, second]) {
      expect(dbs).toContain(`little-stool/${id}/public`);
      expect(dbs).toContain(`little-stool/${id}/members`);
    }
    // Opening the app again lands on the compound used last.
    await page.goto(`${app.url}/`);
    await page.waitForURL(new RegExp(`/c/${first}/agenda$`));
  });

  it('removing a compound that holds unsent changes says they would be lost, and cancelling keeps them', async () => {
    const { page, context } = phone;
    const agenda = new AgendaPage(page);
    const shell = new AppShell(page);
    await shell.waitSynced();
    await context.setOffline(true);
    await expect.poll(() => shell.syncState()).toBe('offline');
    await agenda.raise('离线写的垃圾分类', '其他');
    await expect.poll(() => shell.unsent()).toBe(1);
    // Said where it went: kept on the phone, to be sent.
    await expect(page.getByTestId('saved-toast').textContent()).resolves.toBe('已保存在手机上，联网后自动发出');
    await page.screenshot({ path: screenshotPath('zh-CN-saved-on-phone.png') });
    await page.locator('.compound-switch').click();
    const item = page.getByTestId('compound-item').filter({ hasText: '和平小区' });
    await item.getByRole('button', { name: '从本机移除' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.getByTestId('remove-unsent').textContent()).resolves.toContain('移除后会永远丢失');
    await expect(dialog.textContent()).resolves.toContain('需要一个新的邀请链接');
    // The one who created the compound is its admin: only another admin could invite them back.
    await expect(dialog.getByTestId('remove-admin').textContent()).resolves.toContain('只有别的管理员能再邀请您回来');
    await expect(dialog.getByRole('button', { name: '仍然移除，丢掉没发出的修改' }).count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Kept: back online, the change is sent.
    await context.setOffline(false);
    await shell.waitSynced();
    await page
      .getByTestId('compound-item')
      .filter({ hasText: '和平小区' })
      .getByRole('button', { name: '从本机移除' })
      .click();
    await expect(page.getByRole('alertdialog').getByRole('button', { name: '确定移除' }).count()).resolves.toBe(1);
    await expect(page.getByRole('alertdialog').getByTestId('remove-unsent').count()).resolves.toBe(0);
  });

  // Found by an audit: a change written offline in one compound, then a switch to another, went
  // out only when that compound was opened again; the other parties waited on it meanwhile.
  it('a change written offline in one compound is sent after a switch to another, without opening it again', async () => {
    const { page, context } = phone;
    const agenda = new AgendaPage(page);
    const shell = new AppShell(page);
    await page.keyboard.press('Escape');
    // A neighbour in 和平小区 on a phone of their own, to see what reaches the relay.
    const members = new MembersPage(page);
    await members.open(app.url, first);
    const link = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    const neighbour = await launchPhone();
    try {
      await new OnboardingPages(neighbour.page).joinByLink(link, '王阿姨');
      const theirs = new AgendaPage(neighbour.page);

      await agenda.open(app.url, first);
      await shell.waitSynced();
      // The app's files come from its service worker offline (the reload below).
      await waitForController(page);
      await context.setOffline(true);
      await expect.poll(() => shell.syncState()).toBe('offline');
      await agenda.raise('离线写的门禁坏了', '其他');
      await expect.poll(() => shell.unsent()).toBe(1);
      // Switched to 幸福里小区 in the app, still offline: 和平小区's list row says it is being sent.
      await page.locator('.compound-switch').click();
      await page.getByRole('link', { name: '切换到 幸福里小区' }).click();
      await page.waitForURL(new RegExp(`/c/${second}/agenda$`));
      await page.locator('.compound-switch').click();
      const left = page.getByTestId('compound-item').filter({ hasText: '和平小区' });
      await expect.poll(() => left.getByTestId('compound-unsent').textContent()).toBe('1 条修改正在后台发出');
      // The app reloaded meanwhile (closed and opened again): 和平小区's change is still sent from here.
      await page.reload();
      await page.getByTestId('compound-list').waitFor();
      await expect.poll(() => left.getByTestId('compound-unsent').textContent()).toBe('1 条修改正在后台发出');

      await context.setOffline(false);
      await expect.poll(() => left.getByTestId('compound-unsent').count(), { timeout: 30_000 }).toBe(0);
      await expect
        .poll(() => theirs.titles(), { timeout: 30_000 })
        .toEqual(expect.arrayContaining(['离线写的门禁坏了']));
      expect(new URL(page.url()).pathname).toBe(`/c/${second}/compounds`);
    } finally {
      await neighbour.dispose();
    }
  });
});
