import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPhone, type Phone, waitForController } from './support/browser.ts';
import { useServer } from './support/server.ts';

const swPath = join(import.meta.dirname, '..', '..', 'dist', 'sw.js');

describe('a new version of the app', () => {
  const app = useServer();
  let phone: Phone;
  const original = readFileSync(swPath, 'utf8');
  beforeAll(async () => {
    phone = await launchPhone();
  });
  afterAll(async () => {
    writeFileSync(swPath, original);
    await phone.dispose();
  });

  it('is offered with a prompt, never reloads under someone typing, and takes over when tapped', async () => {
    const { page } = phone;
    await page.goto(`${app.url}/create`);
    await waitForController(page);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    const name = page.getByLabel('小区名称');
    await name.fill('正在输入的小区名');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    // A new build: any byte of sw.js changes, the browser installs it next to the old one.
    writeFileSync(swPath, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    await expect(prompt.textContent()).resolves.toContain('有新版本可用');
    // Still the same document, with what was typed.
    await expect(name.inputValue()).resolves.toBe('正在输入的小区名');
    // The page keeps room under it for the prompt, so its last button can be scrolled clear of it.
    const room = await page.evaluate(() => {
      const main = document.querySelector('main');
      const box = document.querySelector('[data-testid="update-prompt"]');
      return main && box
        ? Number.parseFloat(getComputedStyle(main).paddingBottom) - box.getBoundingClientRect().height
        : -1;
    });
    expect(room).toBeGreaterThan(0);
    await expect(page.evaluate(() => 'sameDocument' in window)).resolves.toBe(true);

    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: '现在更新' }).click();
    await reloaded;
    await waitForController(page);
    await expect(page.getByTestId('update-prompt').count()).resolves.toBe(0);
    await expect(page.evaluate(() => 'sameDocument' in window)).resolves.toBe(false);
    const active = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null);
    expect(active).toBeNull();
    expect(firstWorker).toMatch(/\/sw\.js$/);
  });
});
