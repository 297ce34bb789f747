import type { Page } from 'playwright-core';

/** 积分 and the love supermarket: rules, award suggestions, my balance, goods, the member's QR and the counter. */
export class PointsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string, sub = ''): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/points${sub ? `/${sub}` : ''}`);
    await this.page.locator('main h1').waitFor();
  }

  /** On the points page: a new rule of a kind, in force from today. */
  async addRule(name: string, points: number, kind: string): Promise<void> {
    await this.page.getByTestId('add-rule').click();
    const form = this.page.getByTestId('rule-form');
    await form.locator('input[name="name"]').fill(name);
    // A deduction is chosen (扣分), not typed with a minus: iOS's number pad has none.
    if (points < 0) await form.getByText('扣分', { exact: true }).click();
    await form.locator('input[name="points"]').fill(String(Math.abs(points)));
    await form.getByText(kind, { exact: true }).click();
    await form.getByTestId('sheet-submit').click();
    await this.page.getByTestId('points-rule').filter({ hasText: name }).waitFor();
  }

  async suggestions(): Promise<string[]> {
    return this.page.getByTestId('award-suggestion').locator('.row-title').allTextContents();
  }

  async balance(): Promise<string> {
    return (await this.page.getByTestId('my-balance').textContent())?.trim() ?? '';
  }

  async historyLines(): Promise<string[]> {
    return this.page.getByTestId('points-line').locator('.row-title').allTextContents();
  }

  /** The second line of each history line (what it was for, the day, who made it), newest first. */
  async historySubs(): Promise<string[]> {
    return this.page.getByTestId('points-line').locator('.row-sub').allTextContents();
  }

  /** On the points page (committee): opens one member's points page. */
  async openMember(name: string): Promise<void> {
    await this.page.getByTestId('member-pick').selectOption({ label: name });
    await this.page.getByTestId('member-balance').waitFor();
  }

  async memberBalance(): Promise<string> {
    return (await this.page.getByTestId('member-balance').textContent())?.trim() ?? '';
  }

  /**
   * On a member's points page: opens 记分 and fills it, under a rule (its points as they come) or
   * none with `points` (negative deducts, chosen as 扣分); leaves the form open to be looked at.
   */
  async fillAward(rule: string | null, reason: string, points?: number) {
    await this.page.getByTestId('award-points').click();
    const form = this.page.getByTestId('award-form');
    await form.getByText(rule ?? '不按规则，自己填分数').click();
    if (points !== undefined) {
      await form.getByText(points < 0 ? '扣分' : '加分', { exact: true }).click();
      await form.locator('input[name="amount"]').fill(String(Math.abs(points)));
    }
    await form.locator('input[name="reason"]').fill(reason);
    return form;
  }

  /** On the shop page: puts goods on the shelf. */
  async listGoods(name: string, price: number, stock: number): Promise<void> {
    await this.page.getByTestId('list-goods').click();
    const form = this.page.getByTestId('goods-form');
    await form.locator('input[name="name"]').fill(name);
    await form.locator('input[name="price"]').fill(String(price));
    await form.locator('input[name="stock"]').fill(String(stock));
    await form.getByTestId('sheet-submit').click();
    await this.goods(name).waitFor();
  }

  goods(name: string) {
    return this.page.locator(`[data-testid="goods"][data-name="${name}"]`);
  }

  async stock(name: string): Promise<string> {
    return (await this.goods(name).getByTestId('goods-stock').textContent())?.trim() ?? '';
  }

  /** On the shop page: 盘点 of the goods, entering what is on the shelf. */
  async countShelf(name: string, counted: number): Promise<void> {
    await this.goods(name).getByTestId('count').click();
    const form = this.page.getByTestId('count-form');
    await form.locator('input[name="counted"]').fill(String(counted));
    await form.getByTestId('sheet-submit').click();
    await form.waitFor({ state: 'detached' });
  }

  /** On the shop page: what the goods' button says (兑换, 还差 N 分, or sold out). */
  async redeemLabel(name: string): Promise<string> {
    return (await this.goods(name).getByTestId('redeem').textContent())?.trim() ?? '';
  }

  /** The open QR once the counter's scan reached this phone (已兑换, what and the balance), or null while the code shows. */
  async redeemedShown(): Promise<string | null> {
    const done = this.page.getByTestId('redeem-done');
    if ((await done.count()) === 0) return null;
    return (await done.getByTestId('redeem-done-what').textContent())?.trim() ?? '';
  }

  /** On the shop page: opens the goods' redemption QR and returns a picture of it, as a camera would see it. */
  async redemptionQr(name: string): Promise<Buffer> {
    await this.goods(name).getByTestId('redeem').click();
    const code = this.page.getByTestId('redeem-qr-code');
    await code.locator('svg').waitFor();
    return code.screenshot();
  }
}
