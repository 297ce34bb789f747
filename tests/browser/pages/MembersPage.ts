import type { Page } from 'playwright-core';

/** Members and invites, under 更多. */
export class MembersPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/members`);
    await this.page.locator('main h1').waitFor();
  }

  /** Names in the member list (without the "(我)" marker). */
  async names(): Promise<string[]> {
    const items = await this.page.getByTestId('member-item').locator('.row-title').allTextContents();
    return items.map((s) => s.replace('（我）', '').trim()).sort();
  }

  /** Creates an invite through the dialog and returns its link. */
  async createInvite(
    options: { role?: '居民' | '三方成员' | '共建单位'; party?: '社区' | '业委会' | '物业'; unit?: string } = {},
  ): Promise<string> {
    await this.page.getByTestId('open-invite').click();
    const dialog = this.page.getByTestId('invite-dialog');
    await dialog.waitFor();
    if (options.role) await dialog.getByText(options.role, { exact: true }).click();
    if (options.party) await dialog.getByText(options.party, { exact: true }).click();
    if (options.unit) await dialog.getByLabel('共建单位名称').fill(options.unit);
    await dialog.getByRole('button', { name: '生成邀请' }).click();
    await dialog.getByTestId('invite-result').waitFor();
    await dialog.locator('.qr svg').waitFor();
    return dialog.getByTestId('invite-link').inputValue();
  }

  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('invite-dialog').waitFor({ state: 'detached' });
  }

  async revoke(name: string): Promise<void> {
    const row = this.page.getByTestId('member-item').filter({ hasText: name });
    await row.getByRole('button', { name: '移除' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: '确定移除' }).click();
  }

  /** What the member list says a member is: 管理员 · 业委会, 三方成员 · 社区, 居民... */
  async roleOf(name: string): Promise<string> {
    const row = this.page.getByTestId('member-item').filter({ hasText: name });
    return ((await row.locator('.row-sub').textContent()) ?? '').trim();
  }

  /** An admin makes a committee member an admin, confirming in the dialog. */
  async makeAdmin(name: string): Promise<void> {
    await this.changeRole(name, 'make-admin', '确定设为管理员');
  }

  /** An admin makes another admin a committee member again (取消管理员), confirming in the dialog. */
  async unmakeAdmin(name: string): Promise<void> {
    await this.changeRole(name, 'step-back', '确定');
  }

  /** An admin steps back from their own row (another admin must be there). */
  async stepBack(): Promise<void> {
    await this.changeRole('（我）', 'step-back', '确定');
  }

  /** Taps a role button on the row that says `name` and confirms with `confirm`. */
  private async changeRole(name: string, button: string, confirm: string): Promise<void> {
    const row = this.page.getByTestId('member-item').filter({ hasText: name });
    await row.getByTestId(button).click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: confirm }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The live invites an admin sees: what each makes you, and its other lines, in order. */
  async invites(): Promise<{ kind: string; lines: string[] }[]> {
    const items = this.page.getByTestId('invite-item');
    const out: { kind: string; lines: string[] }[] = [];
    for (const item of await items.all()) {
      out.push({
        kind: (await item.locator('.row-title').textContent())?.trim() ?? '',
        lines: (await item.locator('.row-sub').allTextContents()).map((s) => s.trim()),
      });
    }
    return out;
  }

  async revokeInvite(kind: string): Promise<void> {
    const row = this.page.getByTestId('invite-item').filter({ has: this.page.getByText(kind, { exact: true }) });
    await row.getByRole('button', { name: '撤销' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: '确定撤销' }).click();
  }

  /** The parties the open invite dialog offers for a committee invite. */
  async partyChoices(): Promise<string[]> {
    const dialog = this.page.getByTestId('invite-dialog');
    await dialog.getByText('三方成员', { exact: true }).click();
    const group = dialog.getByRole('radiogroup', { name: '代表哪一方' });
    return (await group.locator('.choice-label').allTextContents()).map((s) => s.trim());
  }
}
