import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { usePhone } from './support/browser.ts';
import { useServer } from './support/server.ts';

/** Reads every stored update of one document's IndexedDB database (as y-indexeddb keeps them). */
function readUpdates(page: Page, dbName: string): Promise<number[][]> {
  return page.evaluate(
    (name) =>
      new Promise<number[][]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('updates').objectStore('updates').getAll();
          req.onsuccess = () => {
            resolve((req.result as Uint8Array[]).map((u) => Array.from(u)));
            open.result.close();
          };
        };
      }),
    dbName,
  );
}

function addUpdate(page: Page, dbName: string, update: Uint8Array): Promise<void> {
  return page.evaluate(
    ([name, bytes]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(bytes));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    [dbName, Array.from(update)] as const,
  );
}

describe('a local copy the relay refuses', () => {
  const app = useServer();
  const phone = usePhone();

  it('is saved to files, cleared and reloaded from the relay, with a plain explanation', async () => {
    const { page } = phone;
    const compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '社区');
    const agenda = new AgendaPage(page);
    await agenda.raise('楼道里堆满杂物', '安全');
    const shell = new AppShell(page);
    await shell.waitSynced();

    // Poison the stored copy: an event signed with someone else's member id (the relay answers 4422).
    const dbName = `little-stool/${compoundId}/public`;
    const doc = new Y.Doc();
    for (const u of await readUpdates(page, dbName)) Y.applyUpdate(doc, new Uint8Array(u));
    const before = Y.encodeStateVector(doc);
    doc.getArray('events').push([
      {
        id: 'forged-1',
        type: 'request.raised',
        at: Date.now(),
        by: 'someone-else',
        title: '伪造的诉求',
        category: 'other',
      },
    ]);
    await addUpdate(page, dbName, Y.encodeStateAsUpdate(doc, before));

    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.reload();

    const dialog = page.getByTestId('recovered-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    await expect(dialog.textContent()).resolves.toContain('服务器没有接受本机的一项修改');
    await expect.poll(() => downloads.length).toBe(2);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names[0]).toMatch(new RegExp(`^little-stool-${compoundId}-public-.*\\.bin$`));
    expect(names[1]).toMatch(new RegExp(`^little-stool-${compoundId}-public-.*\\.json$`));
    const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!;
    const saved = JSON.parse(readFileSync(await json.path(), 'utf8')) as { events: { title: string }[] };
    expect(saved.events.map((e) => e.title).sort()).toEqual(['伪造的诉求', '楼道里堆满杂物'].sort());

    await dialog.getByRole('button', { name: '知道了' }).click();
    await expect.poll(() => agenda.titles()).toEqual(['楼道里堆满杂物']);
    await shell.waitSynced();
    // The poisoned copy is gone for good: a reload stays clean.
    await page.reload();
    await expect.poll(() => agenda.titles()).toEqual(['楼道里堆满杂物']);
    await shell.waitSynced();
    await expect(page.getByTestId('recovered-dialog').count()).resolves.toBe(0);
  });
});
