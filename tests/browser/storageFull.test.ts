import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, newProfileDir, type Phone, waitForController } from './support/browser.ts';
import { useServer } from './support/server.ts';

const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** Writes 16 kB to a database of its own: 'stored', or the name of the error its transaction aborted with. */
const probeWrite = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('quota-probe', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s', { autoIncrement: true });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return new Promise<string>((resolve) => {
      const tx = db.transaction(['s'], 'readwrite');
      tx.objectStore('s').add(new Uint8Array(16_000));
      tx.oncomplete = () => resolve('stored');
      tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
    }).finally(() => db.close());
  });

describe('a phone whose storage is full', () => {
  const app = useServer();
  const profile = newProfileDir();
  let phone: Phone | undefined;
  afterAll(async () => {
    await phone?.dispose();
  });

  // Chromium aborts a write that runs out of quota at commit, after its request reported success:
  // y-indexeddb never saw it, so a long request raised offline was gone after a reload, unsaid.
  it('a request raised offline that does not fit is said at once, is there after a reload offline and reaches the relay', async () => {
    phone = await launchPhone(profile);
    const page = phone.page;
    const compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const shell = new AppShell(page);
    await shell.waitSynced();
    await waitForController(page);
    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await phone.context.setOffline(true);
    await shell.waitOffline();

    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(app.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage(page)) + 1000 });
    // IndexedDB grants from the space it last learned for up to 30 s before it asks the quota again.
    await expect.poll(() => probeWrite(page), { timeout: 45_000, interval: 1_000 }).toBe('QuotaExceededError');
    // Room for a small write (the unsent list) but not for the request's long text.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage(page)) + 4000 });

    await agenda.openForm();
    await agenda.titleInput.fill('3号楼外墙渗水');
    await agenda.chooseCategory('路灯照明');
    await page.getByTestId('raise-form').locator('textarea[name="detail"]').fill('雨天外墙渗水，'.repeat(550));
    await agenda.submit();
    await expect.poll(() => agenda.titles()).toEqual(['3号楼外墙渗水']);
    await expect
      .poll(() => page.locator('.banner-error').allTextContents())
      .toContainEqual(expect.stringContaining('本机存储出错，修改可能没有保存'));

    await page.reload();
    await shell.waitOffline();
    await expect.poll(() => agenda.titles()).toEqual(['3号楼外墙渗水']);
    // Still no room: put back in the document, it fails to store again and the member is told again.
    await expect.poll(() => page.locator('.banner-error').count()).toBeGreaterThan(0);

    await phone.context.setOffline(false);
    await shell.waitSynced();
    const invite = await (async () => {
      const m = new MembersPage(page);
      await m.open(app.url, compoundId);
      return m.createInvite();
    })();
    const other = await launchPhone();
    try {
      await new OnboardingPages(other.page).joinByLink(invite, '李叔');
      await expect.poll(() => new AgendaPage(other.page).titles(), { timeout: 20_000 }).toEqual(['3号楼外墙渗水']);
    } finally {
      await other.dispose();
    }
  });
});
