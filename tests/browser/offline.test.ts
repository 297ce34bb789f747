import { afterAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, newProfileDir, type Phone, waitForController } from './support/browser.ts';
import { useServer } from './support/server.ts';

describe('offline use', () => {
  const app = useServer();
  const profile = newProfileDir();
  let phone: Phone | undefined;
  afterAll(async () => {
    await phone?.dispose();
  });

  it('opens, deep-links and writes offline, keeps the write across a relaunch and sends it once online', async () => {
    phone = await launchPhone(profile);
    let page = phone.page;
    const compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    let shell = new AppShell(page);
    await shell.waitSynced();
    await waitForController(page);

    await phone.context.setOffline(true);
    await page.reload();
    await shell.waitOffline();
    await expect(shell.syncStatus.textContent()).resolves.toContain('离线');

    // A deep link nobody visited before, served by the service worker.
    await page.goto(`${app.url}/c/${compoundId}/members`);
    const members = new MembersPage(page);
    await expect.poll(() => members.names()).toEqual(['王阿姨']);

    const agenda = new AgendaPage(page);
    await page.goto(`${app.url}/c/${compoundId}/agenda`);
    await agenda.raise('5号楼门口路灯不亮');
    await expect.poll(() => agenda.titles()).toEqual(['5号楼门口路灯不亮']);
    await expect.poll(() => shell.unsent()).toBe(1);
    await expect(shell.syncStatus.textContent()).resolves.toContain('1 条修改未发送');

    await phone.close();
    phone = await launchPhone(profile);
    page = phone.page;
    await phone.context.setOffline(true);
    await page.goto(`${app.url}/c/${compoundId}/agenda`);
    shell = new AppShell(page);
    const again = new AgendaPage(page);
    await expect.poll(() => again.titles()).toEqual(['5号楼门口路灯不亮']);
    await expect.poll(() => shell.unsent()).toBe(1);
    await shell.waitOffline();

    await phone.context.setOffline(false);
    await shell.waitSynced();
    await expect(shell.syncStatus.textContent()).resolves.toContain('已同步');

    // The relay really has it: a fresh profile sees it after joining.
    const invite = await (async () => {
      const m = new MembersPage(page);
      await m.open(app.url, compoundId);
      return m.createInvite();
    })();
    const other = await launchPhone();
    try {
      await new OnboardingPages(other.page).joinByLink(invite, '李叔');
      await expect.poll(() => new AgendaPage(other.page).titles(), { timeout: 20_000 }).toEqual(['5号楼门口路灯不亮']);
    } finally {
      await other.dispose();
    }
  });
});
