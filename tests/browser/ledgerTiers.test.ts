import { describe, expect, it } from 'vitest';
import { periodOf } from '../../shared/ledgerPeriod.ts';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { LedgerNoticePage } from './pages/LedgerNoticePage.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound, threePartiesAndResident } from './support/compound.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const FUND = '三方共管账户';
const PURPOSE = '外墙防水大修';

describe('amount tiers and questions about ledger entries', () => {
  const app = useServer();
  const community = usePhone(); // 王阿姨, community, the admin
  const owners = usePhone(); // 张主任, owners' committee
  const property = usePhone(); // 物业小刘, property company
  const resident = usePhone(); // 李叔
  let compoundId: string;

  /** The property company proposes an expense (yuan as typed) and the three parties approve it. */
  async function proposeApproved(purpose: string, yuan: string, payee: string): Promise<LedgerPage> {
    const ledger = new LedgerPage(property.page);
    await ledger.open(app.url, compoundId);
    const propose = await ledger.openSheet('propose-expense');
    await propose.locator('input[name="amount"]').fill(yuan);
    await propose.locator('input[name="payee"]').fill(payee);
    await propose.locator('textarea[name="purpose"]').fill(purpose);
    await ledger.submit();
    for (const phone of [community, owners, property]) {
      const l = new LedgerPage(phone.page);
      await l.open(app.url, compoundId);
      await expect.poll(() => l.status(purpose), { timeout: 20_000 }).toBe('proposed');
      await l.approve(purpose);
    }
    await expect.poll(() => ledger.status(purpose), { timeout: 20_000 }).toBe('approved');
    return ledger;
  }

  it('the three parties and a resident join one compound', async () => {
    compoundId = await setUpCompound(app.url, ...threePartiesAndResident(community, owners, property, resident));
  });

  it('the admin sets a limit; every phone shows it, and only the admin may change it', async () => {
    const phones = [community, owners, property, resident].map((p) => new LedgerPage(p.page));
    await Promise.all(phones.map((l) => l.open(app.url, compoundId)));
    const admin = phones[0]!;
    await admin.openFund(FUND, '三方共管账户', '¥500,000');
    const sheet = await admin.openSheet('set-tier');
    await sheet.locator('input[name="amount"]').fill('30000');
    await admin.submit();
    for (const l of phones)
      await expect
        .poll(
          () =>
            l.page
              .getByTestId('tier-limit')
              .getAttribute('data-fen', { timeout: 2_000 })
              .catch(() => null),
          {
            timeout: 20_000,
          },
        )
        .toBe('3000000');
    await expect(phones[3]!.page.getByTestId('set-tier').count()).resolves.toBe(0);
    await expect(phones[1]!.page.getByTestId('set-tier').count()).resolves.toBe(0);
  });

  it('an expense above the limit says it needs an owners’ assembly decision, and no payment is offered once approved', async () => {
    const ledger = new LedgerPage(property.page);
    const sheet = await ledger.openSheet('propose-expense');
    await sheet.locator('input[name="amount"]').fill('86000');
    await expect(sheet.getByTestId('form-needs-assembly').isVisible()).resolves.toBe(true);
    await expect(sheet.getByTestId('assembly-picker').textContent()).resolves.toContain('还没有业主大会通过的决定');
    await sheet.locator('input[name="payee"]').fill('华宇建筑装饰公司');
    await sheet.locator('textarea[name="purpose"]').fill(PURPOSE);
    await ledger.submit();
    for (const phone of [community, owners, property]) {
      const l = new LedgerPage(phone.page);
      await expect.poll(() => l.status(PURPOSE), { timeout: 20_000 }).toBe('proposed');
      await l.approve(PURPOSE);
    }
    await expect.poll(() => ledger.status(PURPOSE), { timeout: 20_000 }).toBe('approved');
    await expect(ledger.expense(PURPOSE).getByTestId('needs-assembly').isVisible()).resolves.toBe(true);
    // Approved, but not "to be paid": the status says what it still waits for.
    await expect(ledger.expense(PURPOSE).getByTestId('expense-status').textContent()).resolves.toBe(
      '三方已批准，等业主大会决定后才能付款',
    );
    await expect(ledger.expense(PURPOSE).getByTestId('record-payment').count()).resolves.toBe(0);
    await expect(ledger.expense(PURPOSE).getByTestId('link-assembly').isVisible()).resolves.toBe(true);
    await property.page.screenshot({ path: screenshotPath('ledger-tier-above-limit.png'), fullPage: true });
  });

  it('a resident asks about the expense; the request is on the agenda, linked to it, and the entry lists it', async () => {
    const ledger = new LedgerPage(resident.page);
    await expect.poll(() => ledger.status(PURPOSE), { timeout: 20_000 }).toBe('approved');
    await ledger.expense(PURPOSE).getByTestId('ask-about').click();
    const form = resident.page.getByTestId('raise-form');
    await form.waitFor();
    await expect(form.getByTestId('ledger-entry-link').textContent()).resolves.toContain(PURPOSE);
    await expect.poll(() => form.locator('input[name="title"]').inputValue()).toContain(PURPOSE);
    await resident.page.screenshot({ path: screenshotPath('ledger-ask-form.png'), fullPage: true });
    await form.getByTestId('raise-submit').click();
    await resident.page.waitForURL(/\/agenda$/);
    const card = resident.page.getByText(`关于「${PURPOSE}」这笔账的提问`).first();
    await card.waitFor();
    await card.click();
    await expect(resident.page.getByTestId('ledger-entry-link').textContent()).resolves.toContain(PURPOSE);
    for (const phone of [resident, owners]) {
      const l = new LedgerPage(phone.page);
      await l.open(app.url, compoundId);
      await expect.poll(() => l.expense(PURPOSE).getByTestId('entry-question').count(), { timeout: 20_000 }).toBe(1);
    }
  });

  it('a limit that arrives while the payment sheet is open stops the payment with words, and nothing is written', async () => {
    const purpose = '单元门禁维修';
    const ledger = await proposeApproved(purpose, '20000', '安居门禁公司');
    await ledger.expense(purpose).getByTestId('record-payment').click();
    await ledger.sheet.waitFor();
    await ledger.attach(ledger.sheet, 'receipt-picker', await makeJpeg(property.page, 1000, 1400));
    // Meanwhile the admin lowers the limit to 10,000 yuan from today, and the property phone gets it.
    const admin = new LedgerPage(community.page);
    const tier = await admin.openSheet('set-tier');
    await tier.locator('input[name="amount"]').fill('10000');
    await admin.submit();
    await expect
      .poll(() => ledger.page.getByTestId('tier-limit').getAttribute('data-fen'), { timeout: 20_000 })
      .toBe('1000000');
    await ledger.sheet.getByTestId('ledger-submit').click();
    await expect
      .poll(() => ledger.sheet.locator('.form-error').textContent())
      .toBe('这笔支出超过了限额，要先关联一项通过的业主大会决定，才能付款。');
    await expect(ledger.status(purpose)).resolves.toBe('approved');
    // Nothing was refused, so nothing was reset: no banner on the phone.
    await expect(property.page.locator('.banner-error').count()).resolves.toBe(0);
  });

  it('a limit set offline before a payment made online: the payment counts, and every phone shows it went over the limit', async () => {
    const purpose = '楼道灯更换';
    const ledger = await proposeApproved(purpose, '8000', '明亮电器维修部');
    const balanceBefore = await ledger.balance(FUND);
    // The admin, offline downstairs, lowers the limit to 5,000 yuan; the property company, not
    // knowing, pays the 8,000 yuan a little later.
    const adminShell = new AppShell(community.page);
    await community.context.setOffline(true);
    await adminShell.waitOffline();
    const admin = new LedgerPage(community.page);
    const tier = await admin.openSheet('set-tier');
    await tier.locator('input[name="amount"]').fill('5000');
    await admin.submit();
    await expect.poll(() => adminShell.unsent()).toBeGreaterThanOrEqual(1);
    await ledger.recordPayment(purpose, await makeJpeg(property.page, 1000, 1400));
    await expect.poll(() => ledger.status(purpose), { timeout: 20_000 }).toBe('paid');
    await community.context.setOffline(false);
    await adminShell.waitSynced();
    for (const phone of [community, owners, property, resident]) {
      const l = new LedgerPage(phone.page);
      await l.open(app.url, compoundId);
      await expect.poll(() => l.status(purpose), { timeout: 20_000 }).toBe('paid');
      const conflict = l.expense(purpose).getByTestId('expense-conflicts').locator('[data-code="paid_over_limit"]');
      await expect.poll(() => conflict.textContent().catch(() => null), { timeout: 20_000 }).toContain('5,000');
    }
    // The money left the account: the admin's phone shows the balance the payer's shows, 8,000 less.
    const balanceAfter = await ledger.balance(FUND);
    expect(balanceAfter).not.toBe(balanceBefore);
    await expect.poll(() => admin.balance(FUND), { timeout: 20_000 }).toBe(balanceAfter);
    // Nobody was refused, so nobody's copy was reset.
    for (const phone of [community, property])
      await expect(phone.page.locator('.banner-error').count()).resolves.toBe(0);
    await community.page.screenshot({ path: screenshotPath('ledger-paid-over-limit.png'), fullPage: true });
    // The public notice tells residents too: the payment counts, with the limit it went over.
    const month = periodOf(shanghaiDay(Date.now()), 'month');
    await new LedgerPage(resident.page).open(app.url, compoundId);
    await new LedgerNoticePage(resident.page).openFromTab(month.id);
    const line = resident.page.getByTestId('notice-line').filter({ hasText: purpose });
    await expect(line.getByTestId('notice-conflict').textContent()).resolves.toContain('5,000');
    await line.scrollIntoViewIfNeeded();
    await resident.page.screenshot({ path: screenshotPath('zh-CN-ledger-notice-conflict.png') });
  });

  it('one payment recorded on two phones at once counts once, says so, and each record can be reversed', async () => {
    const purpose = '二号楼水泵更换';
    const ledger = await proposeApproved(purpose, '3000', '顺达水泵维修');
    const balanceBefore = await ledger.balance(FUND);
    // The admin, offline, records the payment from the paper receipt; the property company, online,
    // records the same payment from its own phone.
    const adminShell = new AppShell(community.page);
    await community.context.setOffline(true);
    await adminShell.waitOffline();
    const admin = new LedgerPage(community.page);
    await admin.recordPayment(purpose, await makeJpeg(community.page, 1000, 1400));
    await expect.poll(() => adminShell.unsent()).toBeGreaterThanOrEqual(1);
    await ledger.recordPayment(purpose, await makeJpeg(property.page, 1000, 1400));
    await expect.poll(() => ledger.status(purpose), { timeout: 20_000 }).toBe('paid');
    const balancePaid = await ledger.balance(FUND);
    expect(balancePaid).not.toBe(balanceBefore);
    await community.context.setOffline(false);
    await adminShell.waitSynced();
    for (const phone of [community, owners, property]) {
      const l = new LedgerPage(phone.page);
      await l.open(app.url, compoundId);
      const entry = l.expense(purpose);
      await expect.poll(() => entry.getByTestId('payment').count(), { timeout: 20_000 }).toBe(2);
      await expect(l.status(purpose)).resolves.toBe('paid');
      const conflict = entry.getByTestId('expense-conflicts').locator('[data-code="paid_twice"]');
      await expect.poll(() => conflict.textContent().catch(() => null)).toContain('只算一次');
      await expect(entry.getByTestId('reverse').count()).resolves.toBe(2);
    }
    // Counted once: every phone shows the balance the payer showed after its own record.
    await expect.poll(() => admin.balance(FUND), { timeout: 20_000 }).toBe(balancePaid);
    await expect(ledger.balance(FUND)).resolves.toBe(balancePaid);
    // Nobody was refused, so nobody's copy was reset.
    for (const phone of [community, property])
      await expect(phone.page.locator('.banner-error').count()).resolves.toBe(0);
    await community.page.screenshot({ path: screenshotPath('zh-CN-ledger-paid-twice.png'), fullPage: true });
    // What the phone's screen shows of the entry: each record with its own reverse button under it.
    await admin
      .expense(purpose)
      .getByTestId('payment')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await community.page.screenshot({ path: screenshotPath('zh-CN-ledger-paid-twice-card.png') });
    // The property company reverses its own record: the admin's stands, the expense is still paid once.
    const entry = ledger.expense(purpose);
    await entry.getByTestId('payment').filter({ hasText: '物业小刘' }).getByTestId('reverse').click();
    await ledger.sheet.waitFor();
    await ledger.sheet.locator('textarea[name="reason"]').fill('和王阿姨记的是同一笔，重复了');
    await ledger.submit();
    await expect.poll(() => entry.getByTestId('reverse').count(), { timeout: 20_000 }).toBe(1);
    await expect(ledger.status(purpose)).resolves.toBe('paid');
    await expect(entry.getByTestId('expense-conflicts').locator('[data-code="paid_twice"]').count()).resolves.toBe(0);
    await expect(ledger.balance(FUND)).resolves.toBe(balancePaid);
  });
});
