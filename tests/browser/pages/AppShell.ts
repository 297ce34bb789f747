import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type TabId = 'agenda' | 'rosters' | 'ledger' | 'meetings' | 'more';

/** The frame around a compound: top bar (compound, sync status) and the five tabs. */
export class AppShell {
  constructor(readonly page: Page) {}

  get syncStatus() {
    return this.page.getByTestId('sync-status');
  }

  /** data-state of the status: loading | offline | connecting | synced | stopped. */
  async syncState(): Promise<string | null> {
    return this.syncStatus.getAttribute('data-state');
  }

  async unsent(): Promise<number> {
    return Number((await this.syncStatus.getAttribute('data-unsent')) ?? '0');
  }

  /** Waits until the status says synced with nothing unsent (the words, not only the attribute). */
  async waitSynced(): Promise<void> {
    await expect.poll(() => this.syncState(), { timeout: 20_000 }).toBe('synced');
    await expect.poll(() => this.unsent(), { timeout: 20_000 }).toBe(0);
  }

  /**
   * Waits until the status says offline. A page loaded while the context is offline (a reload, a
   * relaunch) reads navigator.onLine as true in Chromium 150, so the app learns it is offline from
   * its failed connects instead, within a few seconds.
   */
  async waitOffline(): Promise<void> {
    await expect.poll(() => this.syncState(), { timeout: 20_000 }).toBe('offline');
  }

  /** The sheet the unsent count opens: what this phone has not sent yet. */
  get unsentSheet() {
    return this.page.getByTestId('unsent-sheet');
  }

  /** Taps the unsent count (by its accessible name) and waits for its sheet. */
  async openUnsent(): Promise<void> {
    await this.syncStatus.getByRole('button', { name: /条修改未发送，点开看是哪些$/ }).click();
    await this.unsentSheet.waitFor();
  }

  /** The sheet's title, e.g. 还没发出的修改（2 条）. */
  async unsentTitle(): Promise<string> {
    return ((await this.unsentSheet.locator('.dialog-title').textContent()) ?? '').trim();
  }

  /** The sheet's lines as shown, newest first: what, and when. */
  async unsentLines(): Promise<{ what: string; when: string }[]> {
    return this.unsentSheet.getByTestId('unsent-line').evaluateAll((lines) =>
      lines.map((l) => ({
        what: l.querySelector('.row-title')?.textContent?.trim() ?? '',
        when: l.querySelector('time')?.textContent?.trim() ?? '',
      })),
    );
  }

  async tab(id: TabId): Promise<void> {
    await this.page.locator(`.bottom-nav a[data-tab="${id}"]`).click();
    await this.page.waitForURL(new RegExp(`/${id}$`));
  }

  compoundId(): string {
    const m = /\/c\/([^/]+)/.exec(new URL(this.page.url()).pathname);
    if (!m?.[1]) throw new Error(`not in a compound: ${this.page.url()}`);
    return decodeURIComponent(m[1]);
  }

  async heading(): Promise<string> {
    return (await this.page.locator('main h1').first().textContent()) ?? '';
  }
}
