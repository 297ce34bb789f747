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
}
