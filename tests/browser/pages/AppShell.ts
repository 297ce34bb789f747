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
