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

  /** Pastes an invite code or link into `/join`'s code field. */
  async pasteCode(text: string): Promise<void> {
    await this.page.getByLabel('邀请码或邀请链接').fill(text);
  }

  /** The invite's preview as shown above the name field: to which compound, and as what. */
  async preview(): Promise<{ invitedTo: string; compound: string; kind: string } | undefined> {
    const card = this.page.getByTestId('invite-preview');
    if ((await card.count()) === 0) return undefined;
    return {
      invitedTo: (await card.locator('.invite-preview-to').textContent()) ?? '',
      compound: (await card.getByTestId('invite-compound').textContent()) ?? '',
      kind: (await card.getByTestId('invite-kind').textContent()) ?? '',
    };
  }

  /** Why the invite cannot be used, as the page says it before joining; undefined while it says nothing. */
  async refusal(): Promise<string | undefined> {
    const refused = this.page.getByTestId('invite-refused');
    return (await refused.count()) === 0 ? undefined : ((await refused.textContent()) ?? '');
  }

  private compoundIdFromUrl(): string {
    const m = /\/c\/([^/]+)\//.exec(new URL(this.page.url()).pathname);
    return decodeURIComponent(m![1]!);
  }
}
