import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { useServer } from './support/server.ts';

const shots = join(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');
const FUND = '三方共管账户';
const PURPOSE = '外墙防水大修';

describe('amount tiers and questions about ledger entries', () => {
  const app = useServer();
  let community: Phone; // 王阿姨, the admin
  let owners: Phone;
  let property: Phone;
  let resident: Phone;
  let compoundId: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    [community, owners, property, resident] = await Promise.all([
      launchPhone(),
      launchPhone(),
      launchPhone(),
      launchPhone(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([community, owners, property, resident].map((p) => p?.dispose()));
  });

  it('the three parties and a resident join one compound', async () => {
    compoundId = await new OnboardingPages(community.page).createCompound(app.url, '幸福里小区', '王阿姨', '社区');
    const members = new MembersPage(community.page);
    await members.open(app.url, compoundId);
    const links: string[] = [];
    for (const options of [
      { role: '三方成员', party: '业委会' },
      { role: '三方成员', party: '物业' },
      { role: '居民' },
    ] as const) {
      links.push(await members.createInvite(options));
      await members.closeDialog();
    }
    await new OnboardingPages(owners.page).joinByLink(links[0]!, '张主任');
    await new OnboardingPages(property.page).joinByLink(links[1]!, '物业小刘');
    await new OnboardingPages(resident.page).joinByLink(links[2]!, '李叔');
    await Promise.all([community, owners, property, resident].map((p) => new AppShell(p.page).waitSynced()));
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
      await l.expense(PURPOSE).getByTestId('approve').click();
    }
    await expect.poll(() => ledger.status(PURPOSE), { timeout: 20_000 }).toBe('approved');
    await expect(ledger.expense(PURPOSE).getByTestId('needs-assembly').isVisible()).resolves.toBe(true);
    await expect(ledger.expense(PURPOSE).getByTestId('record-payment').count()).resolves.toBe(0);
    await expect(ledger.expense(PURPOSE).getByTestId('link-assembly').isVisible()).resolves.toBe(true);
    await property.page.screenshot({ path: join(shots, 'ledger-tier-above-limit.png'), fullPage: true });
  });

  it('a resident asks about the expense; the request is on the agenda, linked to it, and the entry lists it', async () => {
    const ledger = new LedgerPage(resident.page);
    await expect.poll(() => ledger.status(PURPOSE), { timeout: 20_000 }).toBe('approved');
    await ledger.expense(PURPOSE).getByTestId('ask-about').click();
    const form = resident.page.getByTestId('raise-form');
    await form.waitFor();
    await expect(form.getByTestId('ledger-entry-link').textContent()).resolves.toContain(PURPOSE);
    await expect.poll(() => form.locator('input[name="title"]').inputValue()).toContain(PURPOSE);
    await resident.page.screenshot({ path: join(shots, 'ledger-ask-form.png'), fullPage: true });
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
});
