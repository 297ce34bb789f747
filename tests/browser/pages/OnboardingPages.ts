import type { Page } from 'playwright-core';

export type PartyLabel = '社区' | '业委会' | '物业';

/** Welcome, create and join (zh-CN labels: the tests speak the app's default language). */
export class OnboardingPages {
  constructor(readonly page: Page) {}

  async createCompound(baseUrl: string, name: string, founder: string, party: PartyLabel): Promise<string> {
    await this.page.goto(`${baseUrl}/create`);
    await this.page.getByLabel('小区名称').fill(name);
    await this.page.getByLabel('您的称呼').fill(founder);
    await this.page.getByTestId('create-form').getByText(party, { exact: true }).click();
    await this.page.getByRole('button', { name: '创建', exact: true }).click();
    await this.page.waitForURL(/\/c\/[^/]+\/agenda$/);
    return this.compoundIdFromUrl();
  }

  /** Opens an invite link (as scanning the QR code would) and joins under `name`. */
  async joinByLink(link: string, name: string): Promise<string> {
    await this.page.goto(link);
    await this.page.getByLabel('您的称呼').fill(name);
    await this.page.getByRole('button', { name: '加入', exact: true }).click();
    await this.page.waitForURL(/\/c\/[^/]+\/agenda$/);
    return this.compoundIdFromUrl();
  }

  private compoundIdFromUrl(): string {
    const m = /\/c\/([^/]+)\//.exec(new URL(this.page.url()).pathname);
    return decodeURIComponent(m![1]!);
  }
}
