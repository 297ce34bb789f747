import type { Page } from 'playwright-core';

/** The needs board (需求榜) and one need's page. */
export class NeedsPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, compoundId: string): Promise<void> {
    await this.page.goto(`${baseUrl}/c/${compoundId}/needs`);
    await this.page.getByTestId('needs-open').waitFor();
  }

  /** Publishes a wish from the board; returns its id (the need page opens). */
  /** What the form said, at the last publish, about names and hardship in the need's words (or null). */
  privacyNote: string | null = null;

  async publish(wish: { title: string; forName?: string; due?: string; contact?: string }): Promise<string> {
    await this.page.getByTestId('publish-need').click();
    const form = this.page.getByTestId('need-form');
    await form.waitFor();
    await form.getByLabel('需要什么').fill(wish.title);
    if (wish.forName) await form.getByLabel('为谁（居民）').fill(wish.forName);
    if (wish.due) await form.getByLabel('希望哪天前办好').fill(wish.due);
    if (wish.contact) await form.getByLabel('对接人').fill(wish.contact);
    const privacy = form.getByTestId('need-privacy');
    this.privacyNote = (await privacy.count()) > 0 ? await privacy.textContent() : null;
    await this.page.getByTestId('need-submit').click();
    await this.page.getByTestId('need').waitFor();
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop() ?? '');
  }

  /** Where a need stands on the board: the section holding its card, or undefined. */
  async sectionOf(id: string): Promise<string | undefined> {
    for (const s of ['open', 'claimed', 'done']) {
      if ((await this.page.getByTestId(`needs-${s}`).locator(`[data-id="${id}"]`).count()) > 0) return s;
    }
    return undefined;
  }

  card(id: string) {
    return this.page.getByTestId('needs-open').locator(`[data-id="${id}"]`);
  }

  async status(): Promise<string | null> {
    return this.page.getByTestId('need').getAttribute('data-status');
  }
}
