/**
 * The redemption QR in headless Chromium: built from tests/bench/qr/ with the app's own modules
 * (vite, as the app is), served from memory, then encoded and decoded as the phones do.
 */
import { extname, join } from 'node:path';
import { build, type Rollup } from 'vite';
import type { RedemptionRequest } from '../../client/features/points/redemptionCode.ts';
import { launchPhone } from '../browser/support/browser.ts';
import type { QrFigures } from './qr/qrBenchPage.ts';

const origin = 'http://bench.local';
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** The bench page's files by path, built in memory. */
async function bundle(): Promise<Map<string, string | Uint8Array>> {
  const root = join(import.meta.dirname, 'qr');
  const built = (await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { write: false, outDir: 'dist', assetsInlineLimit: 0, rollupOptions: { input: join(root, 'index.html') } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const files = new Map<string, string | Uint8Array>();
  for (const out of Array.isArray(built) ? built : [built])
    for (const item of out.output) files.set(`/${item.fileName}`, item.type === 'chunk' ? item.code : item.source);
  return files;
}

/** Encode and decode figures for one redemption request in a phone-sized Chromium. */
export async function qrInChromium(request: RedemptionRequest): Promise<QrFigures> {
  const files = await bundle();
  const phone = await launchPhone();
  try {
    await phone.page.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = files.get(path === '/' ? '/index.html' : path);
      if (body === undefined) return route.fulfill({ status: 404 });
      return route.fulfill({
        status: 200,
        contentType: types[extname(path === '/' ? '/index.html' : path)] ?? 'application/octet-stream',
        body: typeof body === 'string' ? body : Buffer.from(body),
      });
    });
    await phone.page.goto(`${origin}/`);
    await phone.page.waitForFunction(() => 'benchQr' in globalThis);
    return await phone.page.evaluate(
      (r) => (globalThis as unknown as { benchQr: (r: RedemptionRequest) => Promise<QrFigures> }).benchQr(r),
      request,
    );
  } finally {
    await phone.dispose();
  }
}
