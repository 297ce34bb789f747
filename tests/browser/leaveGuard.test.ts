import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

/** Android's back gesture is the history's back: what a thumb swiping from the edge does. */
const swipeBack = (phone: Phone) => phone.page.evaluate(() => history.back());

describe("Android's back gesture on a half-filled form", () => {
  const app = useServer();
  let phone: Phone; // 王阿姨, owners' committee
  let compoundId: string;

  beforeAll(async () => {
    phone = await launchPhone();
    compoundId = await new OnboardingPages(phone.page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
  });
  afterAll(async () => {
    await phone?.dispose();
  });

  it('a page form with words in it asks before it is left; staying keeps the words, leaving goes back', async () => {
    const { page } = phone;
    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await agenda.openForm();
    const form = page.url();
    await agenda.titleInput.fill('3号楼门口路灯不亮');

    await swipeBack(phone);
    const ask = page.getByRole('alertdialog', { name: '离开这一页？' });
    await ask.waitFor();
    expect(page.url()).toBe(form);
    await page.screenshot({ path: screenshotPath('zh-CN-leave-guard.png') });
    await ask.getByRole('button', { name: '继续填写' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(page.url()).toBe(form);
    expect(await agenda.titleInput.inputValue()).toBe('3号楼门口路灯不亮');

    // The header's back arrow is leaving too.
    await page.getByRole('link', { name: '返回' }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: '离开，不要了' }).click();
    await page.getByTestId('raise-request').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/agenda`);
    expect(await agenda.titles()).toEqual([]);
  });

  it('an empty form and a sent one go back without a question', async () => {
    const { page } = phone;
    const agenda = new AgendaPage(page);
    await agenda.openForm();
    await swipeBack(phone);
    await page.getByTestId('raise-request').waitFor();

    // Sending moves on to the list at once: no question about the words just sent.
    await agenda.raise('楼道灯坏了');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(() => agenda.titles()).toEqual(['楼道灯坏了']);
  });

  it('a sheet closes on the back gesture and the page stays; once chosen in, it asks first', async () => {
    const { page } = phone;
    const agenda = new AgendaPage(page);
    await agenda.openRequest('楼道灯坏了');
    const request = new RequestPage(page);
    const here = page.url();

    const sheet = await request.openAction('classify');
    await swipeBack(phone);
    await sheet.waitFor({ state: 'detached' });
    await request.root.waitFor();
    expect(page.url()).toBe(here);

    await request.openAction('classify');
    await request.choose('classify-category', '路灯照明');
    await swipeBack(phone);
    const ask = page.getByRole('alertdialog', { name: '不填了？' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '继续填写' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await sheet.isVisible()).toBe(true);
    const lighting = sheet.getByTestId('classify-category').getByRole('radio', { name: '路灯照明' });
    expect(await lighting.isChecked()).toBe(true);

    // A second swipe while it asks answers 继续填写 too: the question closes, the sheet stays.
    await swipeBack(phone);
    await ask.waitFor();
    await swipeBack(phone);
    await ask.waitFor({ state: 'detached' });
    expect(await sheet.isVisible()).toBe(true);

    await swipeBack(phone);
    await ask.getByRole('button', { name: '不填了，关上' }).click();
    await sheet.waitFor({ state: 'detached' });
    expect(page.url()).toBe(here);
    expect(await request.stage()).toBe('raised');

    // With no sheet open, the back gesture leaves the request for the list, as before.
    await swipeBack(phone);
    await page.getByTestId('raise-request').waitFor();
  });

  it('a sheet whose result is made (an invite) closes on the back gesture without asking', async () => {
    const { page } = phone;
    const members = new MembersPage(page);
    // Reached inside the app, as members do: a page loaded afresh has no entry of the app's below it.
    await new AgendaPage(page).open(app.url, compoundId);
    await page.getByRole('link', { name: '更多' }).click();
    await page.getByRole('link', { name: '成员与邀请' }).click();
    await page.getByTestId('open-invite').waitFor();
    const here = page.url();
    // Chips are chosen in it, then the invite is made: nothing is left to lose.
    await members.createInvite({ role: '三方成员', party: '物业' });
    await swipeBack(phone);
    await page.getByTestId('invite-dialog').waitFor({ state: 'detached' });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(page.url()).toBe(here);
  });

  // A sheet named in the URL (one that takes photos) is closed by replacing the URL: done while the
  // router still stood on the entry before, the replace overwrote that entry and the next swipe
  // went nowhere.
  it('a sheet named in the URL closes on the back gesture, and the next swipe goes back as before', async () => {
    const { page } = phone;
    await new AgendaPage(page).open(app.url, compoundId);
    await page.getByRole('link', { name: '账目' }).click();
    const ledger = new LedgerPage(page);
    await page.getByTestId('open-fund').waitFor();
    await ledger.openFund('公共收益账户', '三方共管账户', '¥500');
    await ledger.openSheet('record-income');
    expect(new URL(page.url()).searchParams.get('sheet')).toBe('income');
    await swipeBack(phone);
    await ledger.sheet.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/ledger`);
    await swipeBack(phone);
    await page.getByTestId('raise-request').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/c/${compoundId}/agenda`);
  });
});
