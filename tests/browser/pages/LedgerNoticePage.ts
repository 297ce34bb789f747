import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The ledger's notice: the period chooser on the tab, the print view, its CSV, and the verify page. */
export class LedgerNoticePage {
  constructor(readonly page: Page) {}

  get notice(): Locator {
    return this.page.getByTestId('ledger-notice');
  }

  /** From the ledger tab: choose a period and open its notice; returns the printed hash. */
  async openFromTab(periodId: string): Promise<string> {
    await this.page.getByTestId('notice-period').selectOption(periodId);
    await this.page.getByTestId('open-notice').click();
    await this.notice.waitFor();
    await this.page.getByTestId('print-hash').waitFor({ timeout: 20_000 });
    return (await this.notice.getAttribute('data-hash')) ?? '';
  }

  /** Each line of a fund as "kind:text". */
  async lines(): Promise<string[]> {
    return this.page
      .getByTestId('notice-line')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.textContent?.replace(/\s+/g, ' ')}`));
  }

  /** Clicks the CSV button and returns the downloaded file's text and name. */
  async downloadCsv(): Promise<{ text: string; name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('notice-csv').click(),
    ]);
    const path = await download.path();
    const bytes = await readFile(path);
    return { text: bytes.toString('utf8'), name: download.suggestedFilename(), bytes };
  }

  /** The check's result, its words, and the tone it is shown in (ok, warn, bad). */
  async verdict(): Promise<{ result: string | null; text: string; tone?: string | null }> {
    const result = this.page.getByTestId('verify-result');
    if ((await result.count()) === 0) return { result: null, text: '' };
    return {
      result: await result.getAttribute('data-result'),
      text: (await result.textContent()) ?? '',
      tone: await result.locator('.verify-verdict').getAttribute('data-tone'),
    };
  }
}
