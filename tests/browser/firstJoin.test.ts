import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { usePhone, waitForController } from './support/browser.ts';
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

  it('shows the list from the snapshot, then the socket brings what is newer, and it stays offline', async () => {
    const res = await fetch(`${app.url}/api/compounds/${founder.compoundId}/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${founder.token}` },
      body: JSON.stringify({ role: 'resident' }),
    });
    const { code } = (await res.json()) as { code: string };
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
});
