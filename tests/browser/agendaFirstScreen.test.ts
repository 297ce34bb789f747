import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { usePhone } from './support/browser.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('agenda');
const keptKey = (compoundId: string) => `little-stool:first-screen:${compoundId}:agenda`;

/**
 * Holds a readwrite transaction on a document's IndexedDB store, so the app's own copy cannot load
 * until `release` is called: the way a big compound's copy is still loading on a slow phone.
 */
async function holdDocument(page: Page, dbName: string): Promise<{ release(): Promise<void> }> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { releaseHold?: boolean };
        w.releaseHold = false;
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const store = req.result.transaction('updates', 'readwrite').objectStore('updates');
          const spin = () => {
            if (w.releaseHold) return;
            store.count().onsuccess = spin;
          };
          store.count().onsuccess = () => {
            spin();
            resolve();
          };
        };
      }),
    dbName,
  );
  return {
    release: () =>
      page.evaluate(() => {
        (window as unknown as { releaseHold?: boolean }).releaseHold = true;
      }),
  };
}

describe('the agenda a phone kept from its last visit', () => {
  const app = useServer();
  const phone = usePhone();

  it('shows at once while the stored copy loads, gives way to the live list, and goes with the compound', async () => {
    const { page, context } = phone;
    const agenda = new AgendaPage(page);
    const shell = new AppShell(page);
    const compoundId = await new OnboardingPages(page).createCompound(app.url, '和平小区', '张书记', '社区');
    await agenda.raise('三号楼电梯异响', '电梯');
    await agenda.raise('北门路灯不亮', '路灯照明');
    await shell.waitSynced();

    // The live list keeps its first screen once it holds still.
    const kept = () =>
      page.evaluate((k) => {
        const raw = localStorage.getItem(k);
        return raw ? (JSON.parse(raw) as { cards: { title: string }[]; names: Record<string, string> }) : null;
      }, keptKey(compoundId));
    await expect
      .poll(async () => (await kept())?.cards.map((c) => c.title))
      .toEqual(['北门路灯不亮', '三号楼电梯异响']);
    expect(Object.values((await kept())?.names ?? {})).toEqual(['张书记']);

    // Next visit, with the copy still loading: the kept screen stands in, said as such.
    const holder = await context.newPage();
    await holder.goto(`${app.url}/manifest.webmanifest`);
    const hold = await holdDocument(holder, `little-stool/${compoundId}/public`);
    await page.reload();
    await page.locator('[data-testid="request-list"][data-live="false"]').waitFor();
    expect(await agenda.titles()).toEqual(['北门路灯不亮', '三号楼电梯异响']);
    await expect(page.getByTestId('agenda-updating').textContent()).resolves.toBe('先显示上次看到的列表，正在更新…');
    expect(await agenda.tabCount('open')).toBe(2);
    await expect(agenda.item('北门路灯不亮').textContent()).resolves.toContain('张书记');
    await lookAt(page, 'kept');
    // Another tab has nothing kept: it waits for the copy rather than show something else.
    await page.locator('[data-testid="agenda-tabs"] [data-tab="all"]').click();
    await page.getByText('正在打开…').first().waitFor();
    expect(await page.getByTestId('request-item').count()).toBe(0);
    expect(await agenda.tabCount('all')).toBe(2);
    await page.locator('[data-testid="agenda-tabs"] [data-tab="open"]').click();
    await page.locator('[data-testid="request-list"][data-live="false"]').waitFor();

    await hold.release();
    await page.locator('[data-testid="request-list"][data-live="true"]').waitFor();
    expect(await agenda.titles()).toEqual(['北门路灯不亮', '三号楼电梯异响']);
    expect(await page.getByTestId('agenda-updating').count()).toBe(0);
    await holder.close();

    // Removing the compound from the phone removes what it kept of it.
    await page.goto(`${app.url}/c/${compoundId}/compounds`);
    await page.getByTestId('compound-item').getByRole('button', { name: '从本机移除' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确定移除' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith(`/c/${compoundId}`));
    await expect.poll(() => kept()).toBeNull();
  });
});
