import type { Locator, Page } from 'playwright-core';

/** The ledger tab: funds and balances, entries, the three signatures, the committee's sheets. */
export class LedgerPage {
  constructor(readonly page: Page) {}

  get sheet(): Locator {
    return this.page.getByTestId('ledger-sheet');
  }

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/ledger`);
    await this.page.locator('main h1').waitFor();
  }

  fund(name: string): Locator {
    return this.page.getByTestId('fund').filter({ has: this.page.locator('.fund-name', { hasText: name }) });
  }

  /** The balance as shown, e.g. "¥50,000.00". */
  async balance(fund: string): Promise<string> {
    return (
      (await this.fund(fund)
        .getByTestId('balance')
        .textContent({ timeout: 2_000 })
        .catch(() => null)) ?? ''
    );
  }

  expense(purpose: string): Locator {
    return this.page.getByTestId('expense').filter({ hasText: purpose });
  }

  async status(purpose: string): Promise<string | null> {
    return this.expense(purpose)
      .getAttribute('data-status', { timeout: 2_000 })
      .catch(() => null);
  }

  /** Each party's mark on an expense, e.g. ["community:approved", "owners:waiting", ...]. */
  async signatures(purpose: string): Promise<string[]> {
    return this.expense(purpose)
      .locator('.signature')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-party')}:${e.getAttribute('data-mark')}`));
  }

  /** The count on the ledger tab (0 when it shows none). */
  async badge(): Promise<number> {
    const badge = this.page.getByTestId('ledger-badge');
    if ((await badge.count()) === 0) return 0;
    return Number((await badge.getAttribute('data-count')) ?? '0');
  }

  async openSheet(button: string): Promise<Locator> {
    await this.page.getByTestId(button).click();
    await this.sheet.waitFor();
    return this.sheet;
  }

  async submit(): Promise<void> {
    await this.sheet.getByTestId('ledger-submit').click();
    await this.sheet.waitFor({ state: 'detached' });
  }

  async openFund(name: string, kind: string, opening: string): Promise<void> {
    const sheet = await this.openSheet('open-fund');
    await sheet.locator('input[name="fundName"]').fill(name);
    await sheet.getByTestId('fund-kind').getByText(kind, { exact: true }).click();
    await sheet.locator('input[name="amount"]').fill(opening);
    await this.submit();
  }

  async attach(sheet: Locator, picker: string, photo: Buffer): Promise<void> {
    await sheet
      .getByTestId(picker)
      .getByTestId('photo-camera')
      .setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
    await sheet.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
  }

  /** Taps the party's 同意 and confirms it in the dialog that restates the sum. */
  async approve(purpose: string): Promise<void> {
    await this.expense(purpose).getByTestId('approve').click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: '确定同意' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Fills the income sheet, saves, and says yes to the question that restates the sum and the payer. */
  async recordIncome(income: { amount: string; source: string; payer: string }): Promise<void> {
    const sheet = await this.openSheet('record-income');
    await sheet.locator('input[name="amount"]').fill(income.amount);
    await sheet.getByTestId('income-source').getByText(income.source, { exact: true }).click();
    await sheet.locator('input[name="payer"]').fill(income.payer);
    await sheet.getByTestId('ledger-submit').click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: '确定记入' }).click();
    await this.sheet.waitFor({ state: 'detached' });
  }

  /** An entry's amount as a screen reader hears it, and whether it is struck through. */
  async amount(entry: Locator): Promise<{ text: string; struck: boolean }> {
    const amount = entry.getByTestId('amount');
    return {
      text: ((await amount.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
      struck: (await amount.locator('s, del').count()) > 0,
    };
  }

  async recordPayment(purpose: string, receipt: Buffer): Promise<void> {
    await this.expense(purpose).getByTestId('record-payment').click();
    await this.sheet.waitFor();
    await this.attach(this.sheet, 'receipt-picker', receipt);
    await this.submit();
  }
}
