import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { useServer } from './support/server.ts';

/**
 * Android's back gesture is the history's back: what a thumb swiping from the edge does. Called on
 * the next turn, so that a back which leaves the app does not leave the call without its answer.
 */
const swipeBack = (page: Page) => page.evaluate(() => void setTimeout(() => history.back()));

// Before: the page opened from a link was the tab's first entry, and the back gesture closed the app
// (here: went back to the new tab's blank page), a half-filled form with it, without asking.
describe('a page the app was opened straight onto', () => {
  const app = useServer();
  let phone: Phone; // 王阿姨, owners' committee
  let compoundId: string;
  let requestId: string;
  let incomeSheet: string; // the ledger with its income sheet named in the URL
  const tabs: Page[] = [];

  /** A new tab opened straight onto `path`, as a shared link or a notification opens the app. */
  async function openFromLink(path: string): Promise<{ page: Page; added: () => Promise<number> }> {
    const page = await phone.context.newPage();
    tabs.push(page);
    const blank = await page.evaluate(() => history.length);
    await page.goto(`${app.url}${path}`);
    return { page, added: async () => (await page.evaluate(() => history.length)) - blank };
  }

  /** Waits until the tab has left the app (the blank page it was opened from). */
  const leftTheApp = (page: Page) => expect.poll(() => page.url()).toBe('about:blank');

  beforeAll(async () => {
    phone = await launchPhone();
    compoundId = await new OnboardingPages(phone.page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const agenda = new AgendaPage(phone.page);
    await agenda.raise('楼道灯坏了');
    requestId = await agenda.requestId('楼道灯坏了');
    const ledger = new LedgerPage(phone.page);
    await ledger.open(app.url, compoundId);
    await ledger.openFund('公共收益账户', '三方共管账户', '¥500');
    await ledger.openSheet('record-income');
    const url = new URL(phone.page.url());
    incomeSheet = url.pathname + url.search;
    await phone.page.keyboard.press('Escape');
  });
  afterEach(async () => {
    for (const page of tabs.splice(0)) await page.close();
  });
  afterAll(async () => {
    await phone?.dispose();
  });

  it("back from a request opened from a link lands on the compound's agenda, and the next back leaves", async () => {
    const { page, added } = await openFromLink(`/c/${compoundId}/agenda/${requestId}`);
    await new RequestPage(page).root.waitFor();
    expect(await added()).toBe(2);

    await swipeBack(page);
    await page.getByTestId('raise-request').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/agenda`);
    expect(await new AgendaPage(page).titles()).toEqual(['楼道灯坏了']);

    await swipeBack(page);
    await leftTheApp(page);
  });

  it('a page form opened from a link, with words typed in it, asks 离开这一页？ before back leaves it', async () => {
    const { page } = await openFromLink(`/c/${compoundId}/agenda/new`);
    const agenda = new AgendaPage(page);
    await page.getByTestId('raise-form').waitFor();
    const form = new URL(page.url()).pathname;
    await agenda.titleInput.fill('3号楼门口路灯不亮');

    await swipeBack(page);
    const ask = page.getByRole('alertdialog', { name: '离开这一页？' });
    await ask.waitFor();
    expect(new URL(page.url()).pathname).toBe(form);
    await ask.getByRole('button', { name: '继续填写' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await agenda.titleInput.inputValue()).toBe('3号楼门口路灯不亮');

    await swipeBack(page);
    await ask.getByRole('button', { name: '离开，不要了' }).click();
    await page.getByTestId('raise-request').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/agenda`);
  });

  it('a reload of the page opened from a link puts nothing more beneath it', async () => {
    const { page, added } = await openFromLink(`/c/${compoundId}/agenda/${requestId}`);
    const request = new RequestPage(page);
    await request.root.waitFor();
    const before = await added();
    await page.reload();
    await request.root.waitFor();
    expect(await added()).toBe(before);

    await swipeBack(page);
    await page.getByTestId('raise-request').waitFor();
    await page.reload();
    await page.getByTestId('raise-request').waitFor();
    expect(await added()).toBe(before);
    await swipeBack(page);
    await leftTheApp(page);
  });

  // A sheet named in the URL closes by replacing the entry it stands on: the parent beneath must not
  // be the entry replaced.
  it('a sheet named in the URL opened from a link closes on back, and the next back lands on the agenda', async () => {
    const { page } = await openFromLink(incomeSheet);
    const ledger = new LedgerPage(page);
    await ledger.sheet.waitFor();
    // Nothing was typed in this tab (no draft came back with it): back closes it without asking.
    await swipeBack(page);
    await ledger.sheet.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/ledger`);

    await swipeBack(page);
    await page.getByTestId('raise-request').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/agenda`);
    await swipeBack(page);
    await leftTheApp(page);
  });

  it('the agenda opened from a link has nothing beneath it: back leaves', async () => {
    const { page, added } = await openFromLink(`/c/${compoundId}/agenda`);
    await page.getByTestId('raise-request').waitFor();
    expect(await added()).toBe(1);
    await swipeBack(page);
    await leftTheApp(page);
  });
});
