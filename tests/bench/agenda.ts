/**
 * Agenda figures in headless Chromium at phone size: the five-year sample compound loaded into the
 * page's IndexedDB, time to the first rendered agenda list and to the 'overdue' filter; and the
 * photo pipeline (downscale, re-encode, hash, store) on a 4000x3000 JPEG. Needs `npm run build`.
 * Run alone: `node --import tsx tests/bench/agenda.ts`. BENCH_CPU_THROTTLE=4 emulates a slower phone;
 * BENCH_AGENDA_PROFILE=<file.cpuprofile> saves a CPU profile of the first list render.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { CompoundFold, isOverdue } from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { launchPhone, waitForController } from '../browser/support/browser.ts';
import { makeJpeg } from '../browser/support/images.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';

const root = join(import.meta.dirname, '..', '..');

export interface Account {
  compoundId: string;
  memberId: string;
}

/** The accounts this phone holds (the app's own IndexedDB store). */
function readAccounts(page: Page): Promise<Account[]> {
  return page.evaluate(
    () =>
      new Promise<Account[]>((resolve, reject) => {
        const req = indexedDB.open('little-stool');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('accounts', 'readonly').objectStore('accounts').getAll();
          get.onsuccess = () => resolve(get.result as Account[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Adds one Yjs update to a document's y-indexeddb database, as if the phone had synced it earlier. */
export async function storeUpdate(page: Page, dbName: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    async ([name, b64]) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('updates', { autoIncrement: true });
          req.result.createObjectStore('custom');
        };
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(bytes);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    [dbName, Buffer.from(update).toString('base64')] as const,
  );
}

export function encode(events: unknown[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => doc.getArray('events').push(events));
  return Y.encodeStateAsUpdate(doc);
}

/**
 * ms since navigation start when the list first shows a request (the first screen the phone kept
 * from its last visit, if it has one) and when the live list (folded from the stored copy) shows.
 */
async function listRendered(page: Page, url: string): Promise<{ first: number; live: number }> {
  await page.goto(url);
  const shown = (selector: string) =>
    page
      .waitForFunction((s) => (document.querySelector(s) ? performance.now() : 0), selector, {
        polling: 'raf',
        timeout: 120_000,
      })
      .then((h) => h.jsonValue() as Promise<number>);
  const [first, live] = await Promise.all([
    shown('[data-testid="request-item"]'),
    shown('[data-testid="request-list"][data-live="true"] [data-testid="request-item"]'),
  ]);
  return { first, live };
}

/** Creates the five-year compound on the server and signs the page in as its founder, as the join flow stores it. */
export async function signInFounder(page: Page, serverUrl: string): Promise<Account> {
  const res = await fetch(`${serverUrl}/api/compounds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '五年小区', founderName: '张建华', party: 'community' }),
  });
  const created = (await res.json()) as { compoundId: string; memberId: string; token: string };
  // Sign the phone in by its join flow's own storage: the account, as the app writes it.
  await page.goto(`${serverUrl}/welcome`);
  await waitForController(page);
  await page.evaluate(
    (a) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('little-stool');
        req.onupgradeneeded = () => req.result.createObjectStore('accounts', { keyPath: 'compoundId' });
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('accounts', 'readwrite');
          tx.objectStore('accounts').put(a);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
      }),
    {
      compoundId: created.compoundId,
      compoundName: '五年小区',
      memberId: created.memberId,
      name: '张建华',
      role: 'admin',
      party: 'community',
      token: created.token,
      addedAt: Date.now(),
    },
  );
  const [account] = await readAccounts(page);
  if (!account) throw new Error('no account on the phone');
  return account;
}

export async function benchAgenda(): Promise<Record<string, number | string>> {
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist is missing: run npm run build first');
  const throttle = Number(process.env.BENCH_CPU_THROTTLE ?? '1') || 1;
  const server = await startServerProcess({ built: true, env: { RATE_LIMITS: 'off' } });
  const phone = await launchPhone();
  const page = phone.page;
  try {
    const account = await signInFounder(page, server.url);

    // The sample is never sent: the relay would refuse other members' events from this token.
    await phone.context.setOffline(true);
    const t0 = performance.now();
    const sample = generateCompound({
      seed: 5,
      scale: 'five-years',
      founderId: account.memberId,
      founderName: '张建华',
    });
    const generateMs = performance.now() - t0;
    const joined = sample.members.map((m, i) => ({
      id: `j${i}`,
      type: 'member.joined',
      at: Date.parse('2020-01-06T00:00:00Z') + i,
      by: 'server',
      memberId: m.memberId,
      name: m.name,
      role: m.role,
      party: m.party,
    }));
    const update = encode(sample.publicEvents);
    await storeUpdate(page, `little-stool/${account.compoundId}/public`, update);
    await storeUpdate(page, `little-stool/${account.compoundId}/members`, encode(joined));

    const fold = new CompoundFold();
    fold.applyDelta([{ insert: sample.publicEvents }]);
    const requests = Object.values(fold.state.agenda.requests);
    const overdue = requests.filter((r) => isOverdue(r, Date.now())).length;

    const cdp = await page.context().newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const agendaUrl = `${server.url}/c/${account.compoundId}/agenda`;
    const profile = process.env.BENCH_AGENDA_PROFILE;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const firstVisit = await listRendered(page, agendaUrl);
    if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    // The live list keeps its first screen for the next visit once it holds still.
    await page.waitForFunction(
      (id) => localStorage.getItem(`little-stool:first-screen:${id}:agenda`) !== null,
      account.compoundId,
      { timeout: 30_000 },
    );
    const nextVisit = await listRendered(page, agendaUrl);

    // Filter to 'overdue' inside the page: from the tap to the filtered list in the DOM.
    const overdueMs = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="agenda-tabs"] [data-tab="overdue"]');
      if (!button) throw new Error('no overdue tab');
      const start = performance.now();
      button.click();
      for (;;) {
        const list = document.querySelector('[data-testid="request-list"]');
        if (list?.getAttribute('data-filter') === 'overdue' || document.querySelector('.empty')) break;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - start;
    });
    const shownOverdue = await page.getByTestId('request-item').count();

    // The photo pipeline through the raise form (downscale + encode + hash + store), timed by the app.
    const big = await makeJpeg(page, 4000, 3000);
    await page.goto(`${agendaUrl}/new`);
    await page.getByTestId('raise-form').waitFor();
    await page.evaluate(() => performance.clearMeasures('little-stool:image'));
    const picked = performance.now();
    await page.getByTestId('photo-camera').setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: big });
    await page.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor({ timeout: 120_000 });
    const pickedToThumbMs = performance.now() - picked;
    const measure = await page.evaluate(() => {
      const m = performance.getEntriesByName('little-stool:image').at(-1) as PerformanceMeasure | undefined;
      return m
        ? { ms: m.duration, ...(m.detail as { inBytes: number; outBytes: number; width: number; height: number }) }
        : null;
    });
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    return {
      cpuThrottle: throttle,
      publicEvents: sample.publicEvents.length,
      requests: requests.length,
      members: sample.members.length,
      publicUpdateBytes: update.byteLength,
      sampleGenerateMs: Math.round(generateMs),
      listFirstVisitMs: Math.round(firstVisit.first),
      listFirstVisitLiveMs: Math.round(firstVisit.live),
      listNextVisitMs: Math.round(nextVisit.first),
      listNextVisitLiveMs: Math.round(nextVisit.live),
      overdueRequests: overdue,
      overdueShown: shownOverdue,
      overdueFilterMs: Math.round(overdueMs * 10) / 10,
      imageInBytes: big.byteLength,
      imagePrepareMs: measure ? Math.round(measure.ms) : Number.NaN,
      imageOutBytes: measure?.outBytes ?? Number.NaN,
      imageOutSize: measure ? `${measure.width}x${measure.height}` : '–',
      imagePickToThumbnailMs: Math.round(pickedToThumbMs),
    };
  } finally {
    await phone.dispose();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchAgenda();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(24)} ${v}`);
}
