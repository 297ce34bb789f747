/**
 * The PWA's weight and Lighthouse scores: initial route JS and CSS (gzip) read from the built
 * index.html's own script and its static imports, and Lighthouse (mobile settings, Debian
 * Chromium) against the app served by the real server. Needs `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServerProcess } from '../helpers/serverProcess.ts';

const dist = join(import.meta.dirname, '..', '..', 'dist');

export interface AppFigures {
  initialJsGzip: number;
  /** A returning member's first screen: the entry, the compound's layout and the agenda page. */
  compoundJsGzip: number;
  initialCssGzip: number;
  initialFiles: number;
  allJsGzip: number;
  lighthouse?: { performance: number; accessibility: number; fcpMs: number; lcpMs: number; tbtMs: number };
  lighthouseError?: string;
}

/**
 * The entry script, its static imports (transitively) and the entry CSS: what the first route loads.
 * With `pages`, also the chunks of those lazily loaded modules (by file name) and their static
 * imports: what a returning member's first compound page loads (the router starts a page's code with
 * its layout's).
 */
function initialAssets(pages: readonly string[] = []): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/<link[^>]+href="\/([^"]+\.css)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: dynamic import() chunks load later, on their route.
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(join('assets', m[1]!));
    }
  };
  for (const e of entry) visit(e);
  const chunks = readdirSync(join(dist, 'assets'));
  for (const page of pages) {
    const chunk = chunks.find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
    if (!chunk) throw new Error(`no chunk for ${page} in dist/assets`);
    visit(join('assets', chunk));
  }
  return { js: [...seen], css };
}

const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).byteLength;

export async function benchApp(): Promise<AppFigures> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run npm run build first');
  const { js, css } = initialAssets();
  const allJs = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join('assets', f));
  const figures: AppFigures = {
    initialJsGzip: js.reduce((s, f) => s + gz(f), 0),
    compoundJsGzip: initialAssets(['CompoundLayout', 'AgendaPage']).js.reduce((s, f) => s + gz(f), 0),
    initialCssGzip: css.reduce((s, f) => s + gz(f), 0),
    initialFiles: js.length + css.length,
    allJsGzip: allJs.reduce((s, f) => s + gz(f), 0),
  };
  const server = await startServerProcess({ built: true });
  try {
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const result = await lighthouse(`${server.url}/`, {
        port: chrome.port,
        onlyCategories: ['performance', 'accessibility'],
        formFactor: 'mobile',
        logLevel: 'error',
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error('no Lighthouse result');
      const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
      figures.lighthouse = {
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        fcpMs: num('first-contentful-paint'),
        lcpMs: num('largest-contentful-paint'),
        tbtMs: num('total-blocking-time'),
      };
    } finally {
      await chrome.kill();
    }
  } catch (e) {
    figures.lighthouseError = (e as Error).message;
  } finally {
    await server.stop();
  }
  return figures;
}
