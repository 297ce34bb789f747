import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Phone {
  context: BrowserContext;
  page: Page;
  profile: string;
  /** Closes the browser but keeps the profile (IndexedDB, service worker) for a relaunch. */
  close(): Promise<void>;
  /** Closes and deletes the profile. */
  dispose(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'little-stool-profile-'));
}

/**
 * A phone-sized persistent Chromium (a `newContext()` is incognito: not installable, and its
 * storage would not survive a relaunch).
 */
export async function launchPhone(
  profile = newProfileDir(),
  options: { locale?: string; userAgent?: string } = {},
): Promise<Phone> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: true,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => undefined);
  };
  return {
    context,
    page,
    profile,
    close,
    async dispose() {
      await close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until a service worker controls the page (ready can resolve while it still activates). A
 * first join holds the worker back until the documents synced, then it precaches over a megabyte:
 * on a loaded two-core machine that has taken more than 30 s once. If it never comes, the error
 * says how far the worker got.
 */
export async function waitForController(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });
  } catch (e) {
    const state = await page
      .evaluate(async () => {
        const r = await navigator.serviceWorker?.getRegistration();
        const worker = (w: ServiceWorker | null | undefined) => w?.state ?? 'none';
        return `${location.pathname}: registration ${r ? 'yes' : 'none'}, installing ${worker(r?.installing)}, waiting ${worker(r?.waiting)}, active ${worker(r?.active)}, caches ${(await caches.keys()).join(' ') || 'none'}`;
      })
      .catch((why: unknown) => `unknown (${String(why)})`);
    throw new Error(`no service worker controls the page: ${state}`, { cause: e });
  }
}

/** One phone for a describe block: launched before its tests, its profile deleted after them. */
export function usePhone(): Phone {
  let phone: Phone | undefined;
  beforeAll(async () => {
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.dispose();
  });
  const current = () => {
    if (!phone) throw new Error('the phone is not launched yet');
    return phone;
  };
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get profile() {
      return current().profile;
    },
    close: () => current().close(),
    dispose: () => current().dispose(),
  };
}
