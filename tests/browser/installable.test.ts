import { describe, expect, it } from 'vitest';
import { usePhone, waitForController } from './support/browser.ts';
import { useServer } from './support/server.ts';

describe('the PWA shell', () => {
  const app = useServer();
  const phone = usePhone();

  it('is installable: no installability errors and a manifest without errors', async () => {
    const { page } = phone;
    await page.goto(`${app.url}/`);
    await page.getByTestId('welcome-create').waitFor();
    const cdp = await page.context().newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: unknown[];
      data?: string;
    };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
    const data = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({
      name: '小板凳议事',
      short_name: '小板凳',
      id: '/',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      lang: 'zh-CN',
    });
    const themeColor = await page.locator('meta[name="theme-color"]').getAttribute('content');
    expect(data.theme_color).toBe(themeColor);
    await expect
      .poll(
        async () =>
          ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] })
            .installabilityErrors,
        {
          timeout: 20_000,
        },
      )
      .toEqual([]);
  });

  it('serves every icon the manifest and the page name as real PNGs of the stated size', async () => {
    const { page } = phone;
    const sizes = await page.evaluate(async () => {
      const manifest = (await (await fetch('/manifest.webmanifest')).json()) as {
        icons: { src: string; sizes: string; purpose: string }[];
      };
      const apple = document.querySelector<HTMLLinkElement>('link[rel="apple-touch-icon"]')!.href;
      const all = [
        ...manifest.icons.map((i) => ({ src: i.src, sizes: i.sizes, purpose: i.purpose })),
        { src: apple, sizes: '180x180', purpose: 'apple' },
      ];
      return Promise.all(
        all.map(async (i) => {
          const res = await fetch(i.src);
          const bitmap = await createImageBitmap(await res.blob());
          return { ...i, type: res.headers.get('content-type'), got: `${bitmap.width}x${bitmap.height}` };
        }),
      );
    });
    for (const s of sizes) {
      expect(s.type).toBe('image/png');
      expect(s.got).toBe(s.sizes);
    }
    expect(sizes.map((s) => s.purpose).sort()).toEqual(['any', 'any', 'apple', 'maskable']);
  });

  it('controls the page with a service worker that never answers the API, the relay or /healthz', async () => {
    const { page } = phone;
    await waitForController(page);
    const result = await page.evaluate(async () => {
      const health = await fetch('/healthz');
      const keys = await caches.keys();
      const cached: string[] = [];
      for (const k of keys) for (const r of await (await caches.open(k)).keys()) cached.push(new URL(r.url).pathname);
      return { health: health.status, cached };
    });
    expect(result.health).toBe(200);
    expect(result.cached).toContain('/index.html');
    expect(result.cached).toContain('/manifest.webmanifest');
    expect(result.cached.some((p) => p.startsWith('/icons/'))).toBe(true);
    expect(result.cached.filter((p) => /^\/(api|sync|healthz)/.test(p))).toEqual([]);
    // Offline, the API fails as a network error rather than being answered with the shell.
    await page.context().setOffline(true);
    const offline = await page.evaluate(async () => {
      try {
        const r = await fetch('/api/me');
        return `status ${r.status} ${r.headers.get('content-type')}`;
      } catch {
        return 'network error';
      }
    });
    await page.context().setOffline(false);
    expect(offline).toBe('network error');
  });

  it('controls a page that loaded without the worker (a reload past the cache): the page asks it to claim', async () => {
    const { page } = phone;
    await waitForController(page);
    const cdp = await page.context().newCDPSession(page);
    // A reload that bypasses the cache bypasses the service worker too: the new page starts uncontrolled.
    const loaded = page.waitForEvent('load');
    await cdp.send('Page.reload', { ignoreCache: true });
    await loaded;
    await page.getByTestId('welcome-create').waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
    // Controlled, the page's files come from the precache: offline, it still opens the next screen.
    await page.context().setOffline(true);
    await page.getByTestId('welcome-create').click();
    await page.getByTestId('create-form').waitFor();
    await page.context().setOffline(false);
  });
});
