import type { Page } from 'playwright-core';

/** 随手拍: the button on the agenda, the form after the photo, and the counts page. */
export class SnapPage {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByTestId('snap-form');
  }

  /** Taps 随手拍 with the camera answering with `photo`; waits for the form with the photo in it. */
  async snap(photo: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('snap-button').click();
    await (await chooser).setFiles({ name: 'snap.jpg', mimeType: 'image/jpeg', buffer: photo });
    await this.form.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
  }

  async describe(words: string): Promise<void> {
    await this.form.locator('input[name="title"]').fill(words);
  }

  /** The category chip checked now (guessed or chosen). */
  async category(): Promise<string | null> {
    const checked = this.form.getByTestId('snap-category').locator('.choice[data-checked]');
    return (await checked.count()) ? checked.first().textContent() : null;
  }

  async reporterKind(): Promise<string | null> {
    return this.page.getByTestId('snap-reporter-kind').textContent();
  }

  /** Opens the reporter choice and reads the kinds it offers. */
  async kindChoices(): Promise<string[]> {
    await this.page.getByTestId('snap-reporter').getByRole('button', { name: '更改' }).click();
    const labels = await this.page.getByTestId('snap-kind-choices').locator('.choice-label').allTextContents();
    return labels.map((s) => s.trim());
  }

  async chooseKind(label: string): Promise<void> {
    const change = this.page.getByTestId('snap-reporter').getByRole('button', { name: '更改' });
    if (await change.count()) await change.click();
    await this.page.getByTestId('snap-kind-choices').getByText(label, { exact: true }).click();
    await this.page.getByTestId('snap-reporter-kind').waitFor();
  }

  async submit(): Promise<void> {
    await this.form.getByTestId('snap-submit').click();
    await this.page.getByTestId('raise-request').waitFor();
  }

  async openStats(): Promise<void> {
    await this.page.getByTestId('snap-stats-link').click();
    await this.page.getByRole('heading', { name: '随手拍统计' }).waitFor();
  }

  /** A month's total line, e.g. "1 条 · 受理 0 · 办结 0". */
  async total(month: string): Promise<string | null> {
    return this.page.locator(`.snap-month[data-month="${month}"] [data-testid="snap-total"]`).textContent();
  }

  async kindLine(month: string, kind: 'grid-worker' | 'delivery-rider' | 'resident'): Promise<string | null> {
    return this.page.locator(`.snap-month[data-month="${month}"] .snap-kind[data-kind="${kind}"] dd`).textContent();
  }
}
