import type { Page } from 'playwright-core';

/**
 * Puts the page in the background or brings it back, as switching to WeChat or locking the phone
 * does: document.visibilityState changes and 'visibilitychange' fires (headless Chromium has no
 * other tab to switch to).
 */
export async function setBackground(page: Page, background: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, background);
}
