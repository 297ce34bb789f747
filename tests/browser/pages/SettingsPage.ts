import type { Page } from 'playwright-core';

/** Settings, under 更多: language, text size, storage, the sign-in key, updates. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/settings`);
    await this.page.getByTestId('renew-key').waitFor();
  }

  /** Renews the member's key and waits until the page says it is done. */
  async renewKey(): Promise<void> {
    await this.page.getByTestId('renew-key').click();
    await this.page.getByTestId('renew-key-section').getByRole('status').waitFor();
  }
}
