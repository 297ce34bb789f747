import type { Page } from 'playwright-core';

/** The minimal agenda: the request list and the raise form. */
export class AgendaPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/agenda`);
    await this.page.getByTestId('raise-request').waitFor();
  }

  async openForm(): Promise<void> {
    await this.page.getByTestId('raise-request').click();
    await this.page.getByTestId('raise-form').waitFor();
  }

  get titleInput() {
    return this.page.getByTestId('raise-form').locator('input[name="title"]');
  }

  async chooseCategory(label: string): Promise<void> {
    await this.page.getByTestId('category-choices').getByText(label, { exact: true }).click();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('raise-form').getByRole('button', { name: '提交' }).click();
    await this.page.getByTestId('raise-request').waitFor();
  }

  /** Fills and submits the form from the list page. */
  async raise(title: string, category = '路灯照明'): Promise<void> {
    await this.openForm();
    await this.titleInput.fill(title);
    await this.chooseCategory(category);
    await this.submit();
  }

  /** Titles as listed, newest first. */
  async titles(): Promise<string[]> {
    return this.page.getByTestId('request-item').locator('.card-title').allTextContents();
  }

  // The agenda loop: items, tabs and filters.

  item(title: string) {
    return this.page.getByTestId('request-item').filter({ has: this.page.locator('.card-title', { hasText: title }) });
  }

  /** Opens a request's page from the list. */
  async openRequest(title: string): Promise<void> {
    await this.item(title).locator('a').first().click();
    await this.page.getByTestId('request-page').waitFor();
  }

  async requestId(title: string): Promise<string> {
    return (await this.item(title).getAttribute('data-id')) ?? '';
  }

  /** One of the four tabs: open (进行中), mine, overdue, all. */
  async tab(id: 'open' | 'mine' | 'overdue' | 'all'): Promise<void> {
    await this.page.locator(`[data-testid="agenda-tabs"] [data-tab="${id}"]`).click();
    await this.page.locator(`[data-testid="agenda-tabs"] [data-tab="${id}"][aria-pressed="true"]`).waitFor();
  }

  async tabCount(id: 'open' | 'mine' | 'overdue' | 'all'): Promise<number> {
    const text = await this.page
      .locator(`[data-testid="agenda-tabs"] [data-tab="${id}"] .list-tab-count`)
      .textContent();
    return Number(text);
  }

  /** The overdue marker (icon and words) on a listed request, or null. */
  async overdueText(title: string): Promise<string | null> {
    const badge = this.item(title).getByTestId('overdue');
    return (await badge.count()) ? badge.textContent() : null;
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('agenda-search').fill(text);
  }
}
