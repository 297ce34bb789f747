import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { usePhone } from './support/browser.ts';
import { storedAccount as readAccount } from './support/storedAccount.ts';

interface StoredAccount {
  token: string;
  lost?: unknown;
}

const storedAccount = (page: Page, compoundId: string) => readAccount<StoredAccount>(page, compoundId);

const storedToken = async (page: Page, compoundId: string) => (await storedAccount(page, compoundId)).token;

const ticketOf = (url: string) => new URL(url).searchParams.get('ticket');

describe('the app’s sync tickets and key renewal', () => {
  let server: ServerProcess | undefined;
  const started = () => startServerProcess({ built: true, env: { RATE_LIMITS: 'off' } });
  beforeAll(async () => {
    server = await started();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const phone = usePhone();
  /** Every /sync URL the page opened, in order. */
  const sockets: string[] = [];
  let compoundId = '';

  it('opens /sync with a ticket and never the token; after a server restart it reconnects with new tickets', async () => {
    const { page } = phone;
    page.on('websocket', (ws) => sockets.push(ws.url()));
    compoundId = await new OnboardingPages(page).createCompound(server!.url, '票务小区', '陈阿姨', '社区');
    const shell = new AppShell(page);
    await shell.waitSynced();
    const token = await storedToken(page, compoundId);
    const first = sockets.length;
    expect(first).toBeGreaterThanOrEqual(2);
    for (const url of sockets) {
      expect(new URL(url).pathname).toMatch(new RegExp(`^/sync/${compoundId}/`));
      expect(ticketOf(url)).toBeTruthy();
      expect(url).not.toContain('token=');
      expect(url).not.toContain(token);
    }
    expect(new Set(sockets.map(ticketOf)).size).toBe(first);

    // A restart forgets every ticket: only a fresh one opens the relay again.
    const { dataDir, port } = server!;
    await server!.stop();
    await expect.poll(() => shell.syncState(), { timeout: 20_000 }).not.toBe('synced');
    server = await startServerProcess({ built: true, dataDir, port, env: { RATE_LIMITS: 'off' } });
    await shell.waitSynced();
    const again = sockets.slice(first);
    expect(again.length).toBeGreaterThanOrEqual(first);
    for (const url of again) {
      expect(ticketOf(url)).toBeTruthy();
      expect(url).not.toContain(token);
    }
    expect(new Set(sockets.map(ticketOf)).size).toBe(sockets.length);
  });

  it('renewing the key: the old token is refused on /api, the app reconnects with the new one and still syncs', async () => {
    const { page } = phone;
    const shell = new AppShell(page);
    const old = await storedToken(page, compoundId);
    const settings = new SettingsPage(page);
    await settings.open(server!.url, compoundId);
    await shell.waitSynced();
    const before = sockets.length;

    await settings.renewKey();
    await expect.poll(() => storedToken(page, compoundId)).not.toBe(old);
    const renewed = await storedToken(page, compoundId);
    const me = (token: string) => fetch(`${server!.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(old)).status).toBe(401);
    expect((await me(renewed)).status).toBe(200);

    await shell.waitSynced();
    const after = sockets.slice(before);
    expect(after.length).toBeGreaterThanOrEqual(2);
    for (const url of after) {
      expect(ticketOf(url)).toBeTruthy();
      expect(url).not.toContain(renewed);
    }

    // Still a member, still syncing: a new request reaches the relay (nothing left unsent).
    const agenda = new AgendaPage(page);
    await agenda.open(server!.url, compoundId);
    await agenda.raise('换了密钥以后提的事');
    await expect.poll(() => agenda.titles()).toEqual(['换了密钥以后提的事']);
    await shell.waitSynced();
    expect(await shell.syncState()).toBe('synced');
    await expect(page.getByText('请重新加入').count()).resolves.toBe(0);
  });

  it('another tab of the same phone takes the renewed key instead of giving the compound up', async () => {
    const { page, context } = phone;
    const other = await context.newPage();
    try {
      const otherShell = new AppShell(other);
      await other.goto(`${server!.url}/c/${compoundId}/agenda`);
      await otherShell.waitSynced();
      const old = await storedToken(page, compoundId);

      // The relay closes the other tab's sockets; its next ticket request with the old token gets 401.
      const settings = new SettingsPage(page);
      await settings.open(server!.url, compoundId);
      await settings.renewKey();
      await expect.poll(() => storedToken(other, compoundId)).not.toBe(old);
      await expect.poll(() => otherShell.syncState(), { timeout: 20_000 }).toBe('synced');
      const agenda = new AgendaPage(other);
      await agenda.raise('另一个标签页提的事');
      await otherShell.waitSynced();
      await expect(other.getByText('请重新加入').count()).resolves.toBe(0);
      expect((await storedAccount(other, compoundId)).lost).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
