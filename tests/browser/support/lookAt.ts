import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations, sizeProblems } from './audit.ts';

const screenshots = join(import.meta.dirname, '..', '..', '..', 'artifacts', 'screenshots');

/** Where a screenshot named `name` goes (artifacts/screenshots, made if missing). */
export function screenshotPath(name: string): string {
  mkdirSync(screenshots, { recursive: true });
  return join(screenshots, name);
}

/**
 * Saves a full-page zh-CN screenshot named `zh-CN-<area>-<name>.png` for people to look at, and
 * checks the page has no serious axe findings and no targets too small for a thumb.
 */
export function lookAtFor(area: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    await page.screenshot({ path: screenshotPath(`zh-CN-${area}-${name}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual([]);
  };
}

/**
 * Saves what the phone's screen shows with `part` scrolled to its middle, as `zh-CN-<name>.png`
 * (what a member sees, where a full-page picture of a long page is too small to read), and checks
 * the page as `lookAtFor` does.
 */
export async function lookAtPart(part: Locator, name: string): Promise<void> {
  const page = part.page();
  await part.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: screenshotPath(`zh-CN-${name}.png`) });
  expect(await seriousViolations(page)).toEqual([]);
  expect(await sizeProblems(page)).toEqual([]);
}
