import type { Page } from 'playwright-core';

/** Median ms of `runs` calls. */
export function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
}

/** ms since navigation start when `count` elements match `selector`. */
export async function rendered(page: Page, url: string, selector: string, count = 1): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    ([s, n]) => (document.querySelectorAll(s).length >= n ? performance.now() : 0),
    [selector, count] as const,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}
