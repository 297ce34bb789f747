/**
 * Ledger figures on the five-year sample compound, topped up with venue-rent income to 10,000 ledger
 * events: the ledger fold, a quarter's notice and its hash, the verify page's check, a year's CSV
 * (time and size), and the first render of the ledger tab in headless Chromium (needs `npm run build`;
 * skipped without dist/). Run alone: `node --import tsx tests/bench/ledger.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { toCsv } from '../../shared/csvWrite.ts';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { type LedgerCsvWords, ledgerCsvRows } from '../../shared/ledgerCsv.ts';
import { checkLedgerPaper, ledgerHash } from '../../shared/ledgerHash.ts';
import { ledgerNotice } from '../../shared/ledgerNotice.ts';
import { parsePeriod } from '../../shared/ledgerPeriod.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { shanghaiDay } from '../../shared/time.ts';
import { launchPhone } from '../browser/support/browser.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { encode, signInFounder, storeUpdate } from './agenda.ts';
import { f, table } from './report.ts';

const root = join(import.meta.dirname, '..', '..');
const LEDGER_EVENTS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
function time(runs: number, run: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return median(out);
}

/** The sample's public log with extra venue-rent incomes spread over its days until the ledger has `target` events. */
function toppedUp(events: readonly AppEvent[], target: number): AppEvent[] {
  const ledger = events.filter((e) => e.type.startsWith('ledger.'));
  const incomes = ledger.filter((e) => e.type === 'ledger.income.recorded');
  const extra: AppEvent[] = [];
  for (let i = 0; extra.length < target - ledger.length; i++) {
    const model = incomes[i % incomes.length] as AppEvent & { fundId: string };
    const at = model.at + 3_600_000;
    extra.push({
      ...model,
      id: `bench-venue-${i}`,
      at,
      amount: 20_000 + ((i * 7919) % 60_000),
      source: 'venue',
      payer: '场地租用',
      day: shanghaiDay(at),
    } as AppEvent);
  }
  return [...events, ...extra].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

const words: LedgerCsvWords = {
  head: ['账户', '日期', '类别', '来源或用途', '付款方或收款方', '金额（元）', '三方同意', '冲销'],
  kind: (l) => l.kind,
  label: (l) => (l.kind === 'expense' ? l.purpose : l.kind === 'income' ? l.source : l.label),
  who: (l) => l.who,
  approvals: (l) => (l.kind === 'expense' ? l.approvals.map((a) => `${a.party} ${a.by}`).join('；') : ''),
  reversal: (l) => l.reversal?.reason ?? '',
  opening: '期初余额',
  closing: '期末余额',
};

/** ms since navigation start when the ledger tab first shows a fund's balance. */
async function ledgerRendered(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (document.querySelector('[data-testid="fund"] [data-testid="balance"]') ? performance.now() : 0),
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function firstRender(): Promise<{ firstMs: number; againMs: number } | undefined> {
  if (!existsSync(join(root, 'dist', 'index.html'))) return undefined;
  const server = await startServerProcess({ built: true, env: { RATE_LIMITS: 'off' } });
  const phone = await launchPhone();
  try {
    const account = await signInFounder(phone.page, server.url);
    await phone.context.setOffline(true);
    const sample = generateCompound({
      seed: 5,
      scale: 'five-years',
      founderId: account.memberId,
      founderName: '张建华',
    });
    const events = toppedUp(sample.publicEvents as AppEvent[], LEDGER_EVENTS);
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
    await storeUpdate(phone.page, `little-stool/${account.compoundId}/public`, encode(events));
    await storeUpdate(phone.page, `little-stool/${account.compoundId}/members`, encode(joined));
    const url = `${server.url}/c/${account.compoundId}/ledger`;
    return { firstMs: await ledgerRendered(phone.page, url), againMs: await ledgerRendered(phone.page, url) };
  } finally {
    await phone.dispose();
    await server.stop();
  }
}

/** Runs the ledger figures, prints their table and returns the summary line. */
export async function benchLedger(log: (s: string) => void): Promise<string> {
  console.log('\n== Ledger: fold, quarterly notice and hash, a year as CSV, first render of the tab');
  log('generating the five-year sample with 10,000 ledger events');
  const events = toppedUp(generateCompound({ seed: 5, scale: 'five-years' }).publicEvents as AppEvent[], LEDGER_EVENTS);
  const ledgerEvents = events.filter((e) => e.type.startsWith('ledger.'));
  const foldMs = time(5, () => foldEvents(ledgerEvents));
  const state = foldEvents(ledgerEvents).ledger;
  const lastDay = shanghaiDay(Math.max(...ledgerEvents.map((e) => e.at)));
  const year = parsePeriod(String(Number(lastDay.slice(0, 4)) - 1))!;
  const quarter = parsePeriod(`${year.id}-Q4`)!;
  const noticeMs = time(5, () => ledgerNotice(state, quarter));
  const hashMs = time(5, () => ledgerHash(state, quarter));
  const printed = ledgerHash(state, quarter);
  const checkMs = time(5, () => checkLedgerPaper(state, quarter, printed));
  const lines = ledgerNotice(state, quarter).funds.reduce((n, x) => n + x.lines.length, 0);
  let csv = '';
  const csvMs = time(5, () => {
    csv = toCsv(ledgerCsvRows(ledgerNotice(state, year), words));
  });
  const csvBytes = Buffer.byteLength(csv, 'utf8');
  log('rendering the ledger tab in Chromium');
  const render = await firstRender();
  const rows: string[][] = [
    ['ledger events', String(ledgerEvents.length)],
    ['fold of the ledger events (median of 5)', `${f(foldMs, 1)} ms`],
    [`notice of ${quarter.id} (${lines} lines)`, `${f(noticeMs, 1)} ms`],
    [`hash of the ledger up to ${quarter.endDay}`, `${f(hashMs, 1)} ms`],
    ['verify page check of that paper', `${f(checkMs, 1)} ms`],
    [`CSV of ${year.id} (notice + encode)`, `${f(csvMs, 1)} ms`],
    [`CSV of ${year.id} size`, `${f(csvBytes / 1024, 1)} KB, ${csv.split('\r\n').length - 1} rows`],
    ['ledger tab first render (Chromium)', render ? `${f(render.firstMs, 0)} ms` : 'skipped: no dist/'],
    ['ledger tab render again', render ? `${f(render.againMs, 0)} ms` : ''],
  ];
  table('Ledger', ['figure', 'value'], rows);
  return `Ledger (${ledgerEvents.length} events): fold ${f(foldMs, 1)} ms, quarter notice ${f(noticeMs, 1)} ms + hash ${f(hashMs, 1)} ms, year CSV ${f(csvMs, 1)} ms / ${f(csvBytes / 1024, 0)} KB, tab first render ${render ? `${f(render.firstMs, 0)} ms` : '–'}.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchLedger((s) => process.stderr.write(`  … ${s}\n`)));
}
