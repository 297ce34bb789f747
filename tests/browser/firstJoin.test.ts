import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, usePhone, waitForController } from './support/browser.ts';
import { useServer } from './support/server.ts';

describe('a first join of a compound with a long history', () => {
  const app = useServer();
  const phone = usePhone();
  let founder: Session;
  let writer: TestClient;
  const snapshotUrl = () => `${app.url}/api/compounds/${founder.compoundId}/docs/public/snapshot`;

  beforeAll(async () => {
    founder = await createCompound(app.url);
    writer = connect(app.server.wsUrl, founder);
    await synced(writer);
    const events = Array.from({ length: 400 }, (_, i) => raised(founder, `${i}号楼门口路灯坏了，晚上看不见路`));
    for (let i = 0; i < events.length; i += 50) writer.events.push(events.slice(i, i + 50));
    // Stored once the snapshot holds them all: big enough to be served whole.
    await eventually(
      async () => {
        const res = await fetch(snapshotUrl(), { headers: { authorization: `Bearer ${founder.token}` } });
        expect(res.status).toBe(200);
      },
      { timeout: 20_000 },
    );
  });
  afterAll(() => writer?.destroy());

  async function invite(): Promise<string> {
    const res = await fetch(`${app.url}/api/compounds/${founder.compoundId}/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${founder.token}` },
      body: JSON.stringify({ role: 'resident' }),
    });
    return ((await res.json()) as { code: string }).code;
  }

  it('shows the list from the snapshot, then the socket brings what is newer, and it stays offline', async () => {
    const code = await invite();
    const page = phone.page;
    const snapshots: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/docs/public/snapshot')) snapshots.push(r.status());
    });

    await new OnboardingPages(page).joinByLink(`${app.url}/join/${code}`, '新邻居');
    const agenda = new AgendaPage(page);
    await expect.poll(async () => (await agenda.titles()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(snapshots).toEqual([200]);

    writer.events.push([raised(founder, '后来的一条：南门栏杆坏了')]);
    await expect.poll(() => agenda.titles(), { timeout: 20_000 }).toContain('后来的一条：南门栏杆坏了');
    const shell = new AppShell(page);
    await shell.waitSynced();
    await waitForController(page);

    await phone.context.setOffline(true);
    await page.reload();
    await shell.waitOffline();
    await expect.poll(() => agenda.titles()).toContain('后来的一条：南门栏杆坏了');
    await expect.poll(async () => (await agenda.titles()).length).toBeGreaterThan(1);
    // Only a phone that holds nothing of a document asks for its snapshot.
    await phone.context.setOffline(false);
    await shell.waitSynced();
    expect(snapshots).toEqual([200]);
  });

  // Before, the agenda said 还没有议题 (an empty copy read as an empty compound) until the whole
  // document had arrived: seconds on weak data.
  it('shows the relay’s first screen while the document is on its way, said as such, then its own list', async () => {
    const code = await invite();
    const other = await launchPhone();
    try {
      const page = other.page;
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      // The whole document held back, as on a slow link.
      await page.route('**/docs/public/snapshot**', async (route) => {
        await held;
        await route.continue();
      });
      await new OnboardingPages(page).joinByLink(`${app.url}/join/${code}`, '刘阿姨');
      const agenda = new AgendaPage(page);
      const list = page.getByTestId('request-list');
      await expect.poll(async () => (await agenda.titles()).length, { timeout: 20_000 }).toBe(8);
      expect(await list.getAttribute('data-live')).toBe('false');
      await expect
        .poll(() => page.getByTestId('agenda-updating').textContent())
        .toBe('先显示最新的几项，全部记录正在下载…');
      const preview = await agenda.titles();
      // A card tapped meanwhile opens on "loading", not on "not on this phone".
      await page.getByTestId('request-item').first().click();
      await expect.poll(() => page.locator('.empty').textContent()).toBe('正在打开…');
      release();
      await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).toBe(preview[0]);
      await page.goBack();
      await expect.poll(() => list.getAttribute('data-live'), { timeout: 30_000 }).toBe('true');
      await expect.poll(() => page.getByTestId('agenda-updating').count()).toBe(0);
      // The relay folds with the phones' code: its first cards are the phone's own.
      expect((await agenda.titles()).slice(0, 8)).toEqual(preview);
    } finally {
      await other.dispose();
    }
  });
});
