import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through DevTools, which the app's CSP does not govern; an inline <script> tag it would block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: { target: string[] }[] }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export interface SizeProblem {
  what: string;
  width: number;
  height: number;
}

/** Elder-friendly sizes: every visible target >= 48px, main buttons >= 60px tall, body text >= 18px. */
export async function sizeProblems(page: Page): Promise<SizeProblem[]> {
  return page.evaluate(() => {
    const problems: { what: string; width: number; height: number }[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    const targets = document.querySelectorAll(
      'a[href], button, input:not(.choice-input), textarea, select, .choice-label',
    );
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.classList.contains('skip-link')) continue;
      if (r.width < 47.5 || r.height < 47.5) problems.push({ what: describe(el), width: r.width, height: r.height });
    }
    for (const el of document.querySelectorAll('.btn:not(.btn-small)')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.height < 59.5)
        problems.push({ what: `main button ${describe(el)}`, width: r.width, height: r.height });
    }
    const body = Number.parseFloat(getComputedStyle(document.body).fontSize);
    if (body < 18) problems.push({ what: `body font ${body}px`, width: 0, height: 0 });
    return problems;
  });
}
