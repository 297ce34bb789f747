import type { Page } from 'playwright-core';

/**
 * The forms' drafts this tab keeps (their sessionStorage keys, `little-stool:draft-<form>:<compound>`),
 * of one form if named.
 */
export function drafts(page: Page, form = ''): Promise<string[]> {
  const prefix = `little-stool:draft-${form}`;
  return page.evaluate((p) => Object.keys(sessionStorage).filter((k) => k.startsWith(p)), prefix);
}
