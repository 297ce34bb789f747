import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, newProfileDir, type Phone } from './support/browser.ts';
import { useServer } from './support/server.ts';
import { storedAccount } from './support/storedAccount.ts';

/** The Yjs client each request title was written under, as the relay holds the public document. */
function writersByTitle(client: TestClient): Map<string, number> {
  const out = new Map<string, number>();
  for (let item = client.events._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentAny)) continue;
    for (const e of item.content.arr as { type?: string; title?: string }[]) {
      if (e?.type === 'request.raised' && e.title) out.set(e.title, item.id.client);
    }
  }
  return out;
}

describe('one Yjs client per phone and document', () => {
  const app = useServer();
  const profile = newProfileDir();
  let phone: Phone | undefined;
  let watcher: TestClient | undefined;
  afterAll(async () => {
    watcher?.destroy();
    await phone?.dispose();
  });

  it('reloads write under the phone’s client, a second tab under its own, offline writes before the sync under a fresh one', async () => {
    phone = await launchPhone(profile);
    const page = phone.page;
    const compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const shell = new AppShell(page);
    const agenda = new AgendaPage(page);
    await page.goto(`${app.url}/c/${compoundId}/agenda`);
    await shell.waitSynced();
    await agenda.raise('一号楼路灯');
    await shell.waitSynced();

    watcher = connect(app.server.wsUrl, await storedAccount<Session>(page, compoundId), 'public');
    await synced(watcher);
    const w = watcher;
    const writer = async (title: string) => {
      await expect.poll(() => writersByTitle(w).has(title), { timeout: 20_000 }).toBe(true);
      return writersByTitle(w).get(title)!;
    };
    const present = () => [...w.provider.awareness.getStates().keys()].filter((c) => c !== w.doc.clientID);
    const device = await writer('一号楼路灯');
    await expect.poll(present, { timeout: 20_000 }).toEqual([device]);

    // A reload is a new Y.Doc with a fresh id; after its first sync it takes the phone's up again,
    // and its presence goes with it.
    for (const title of ['二号楼路灯', '三号楼路灯']) {
      await page.reload();
      await shell.waitSynced();
      await expect.poll(present, { timeout: 20_000 }).toEqual([device]);
      await agenda.raise(title);
      await shell.waitSynced();
      expect(await writer(title)).toBe(device);
    }

    // A second tab of the same phone while the first holds the id: its own, and both write.
    const tab = await phone.context.newPage();
    const tabShell = new AppShell(tab);
    await tab.goto(`${app.url}/c/${compoundId}/agenda`);
    await tabShell.waitSynced();
    await new AgendaPage(tab).raise('四号楼路灯');
    await tabShell.waitSynced();
    await agenda.raise('五号楼路灯');
    await shell.waitSynced();
    const second = await writer('四号楼路灯');
    expect(second).not.toBe(device);
    expect(await writer('五号楼路灯')).toBe(device);
    await expect.poll(() => new AgendaPage(tab).titles(), { timeout: 20_000 }).toContain('五号楼路灯');
    await tab.close();

    // Offline from the load: nothing to sync with, so the write stays under the visit's own id;
    // once synced, the phone's id again.
    await phone.context.setOffline(true);
    await page.reload();
    await shell.waitOffline();
    await agenda.raise('六号楼路灯');
    await expect.poll(() => shell.unsent()).toBe(1);
    await phone.context.setOffline(false);
    await shell.waitSynced();
    const offline = await writer('六号楼路灯');
    expect([device, second]).not.toContain(offline);
    await expect.poll(present, { timeout: 20_000 }).toEqual([device]);
    await agenda.raise('七号楼路灯');
    await shell.waitSynced();
    expect(await writer('七号楼路灯')).toBe(device);

    // Seven requests over five visits and two tabs: three writers, not seven.
    const titles = [...writersByTitle(w).keys()];
    expect(titles.sort()).toEqual(
      ['一号楼路灯', '二号楼路灯', '三号楼路灯', '四号楼路灯', '五号楼路灯', '六号楼路灯', '七号楼路灯'].sort(),
    );
    expect(new Set(writersByTitle(w).values())).toEqual(new Set([device, second, offline]));
    expect((await agenda.titles()).length).toBe(7);
  });
});
