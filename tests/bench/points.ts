/**
 * Points figures on the five-year sample compound: the fold of the points events and the queries
 * behind 积分 in Node; the first render of one member's points history and of the love supermarket
 * in headless Chromium at phone size (needs `npm run build`); and the redemption QR encoded and
 * decoded in Chromium as the member's phone and the counter do.
 * Run alone: `node --import tsx tests/bench/points.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { AppEvent } from '../../shared/events/index.ts';
import {
  awardSuggestions,
  CompoundFold,
  historyLines,
  overdrafts,
  type PointsState,
  thankedMembers,
} from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { shanghaiDay } from '../../shared/time.ts';
import { launchPhone } from '../browser/support/browser.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { encode, signInFounder, storeUpdate } from './agenda.ts';
import { qrInChromium } from './pointsQr.ts';
import { f, table } from './report.ts';
import { median, rendered } from './timing.ts';

const root = join(import.meta.dirname, '..', '..');

/** Median of three renders: on this shared machine one render varies by a second or more. */
async function renderedMedian(page: Page, url: string, selector: string, count = 1): Promise<number> {
  const times = [];
  for (let i = 0; i < 3; i++) times.push(await rendered(page, url, selector, count));
  return times.sort((a, b) => a - b)[1] ?? Number.NaN;
}

/** The account with the longest history: the heaviest history page there is (never shown to users). */
function longest(points: PointsState): { memberId: string; lines: number } {
  let best = { memberId: '', lines: -1 };
  for (const acct of Object.values(points.accounts))
    if (acct.history.length > best.lines) best = { memberId: acct.memberId, lines: acct.history.length };
  return best;
}

/** Folds the sample's points, renders the history and the supermarket, and times the redemption QR. */
export async function benchPoints(log: (s: string) => void = () => {}): Promise<string> {
  const sample = generateCompound({ seed: 5, scale: 'five-years', founderName: '张建华' });
  const events = sample.publicEvents as AppEvent[];
  const pointsEvents = events.filter((e) => e.type.startsWith('points.'));
  const end = events[events.length - 1]?.at ?? Date.now();
  log(`folding ${events.length} public events (${pointsEvents.length} points)`);

  const fullFoldMs = median(5, () => new CompoundFold({ snapshots: false }).applyDelta([{ insert: events }]));
  const pointsFoldMs = median(5, () => new CompoundFold({ snapshots: false }).applyDelta([{ insert: pointsEvents }]));
  const fold = new CompoundFold();
  fold.applyDelta([{ insert: events }]);
  const { points, rosters } = fold.state;
  const { memberId, lines } = longest(points);
  const historyMs = median(21, () => historyLines(points.accounts[memberId]));
  const suggestionsMs = median(21, () => awardSuggestions(points, rosters));
  const overdraftsMs = median(21, () => overdrafts(points));
  const wallMs = median(21, () => thankedMembers(points, shanghaiDay(end).slice(0, 7)));
  // One award appended to the loaded fold: what a live award costs the page.
  let length = events.length;
  const by = sample.members[0]?.memberId ?? '';
  const appendMs = median(21, () => {
    const award = { id: `bench-${length}`, type: 'points.awarded', at: end, by, memberId, amount: 5, reason: '感谢' };
    fold.applyDelta([{ retain: length++ }, { insert: [award] }]);
  });

  const rows: [string, string][] = [
    ['public events', String(events.length)],
    ['points events', String(pointsEvents.length)],
    ['accounts / goods', `${Object.keys(points.accounts).length} / ${Object.keys(points.goods).length}`],
    ['longest history (lines)', String(lines)],
    ['fold, whole public log (ms, median of 5)', f(fullFoldMs)],
    ['fold, points events only (ms)', f(pointsFoldMs)],
    ["one member's history lines (ms)", f(historyMs, 2)],
    ['award suggestions (duties, ms)', f(suggestionsMs, 2)],
    ['overdrafts (ms)', f(overdraftsMs, 2)],
    ["thanks wall: this month's members (ms)", f(wallMs, 2)],
    ['one award appended to the loaded fold (ms)', f(appendMs, 2)],
  ];

  if (existsSync(join(root, 'dist', 'index.html')))
    rows.push(...(await inChromium(events, { memberId, lines, goods: Object.keys(points.goods).length }, log)));
  else rows.push(['first render in Chromium', 'skipped: run npm run build']);
  log('encoding and decoding a redemption QR in Chromium');
  const goodsId = Object.keys(points.goods)[0] ?? 'goods';
  const qr = await qrInChromium({ ticket: crypto.randomUUID(), memberId, goodsId, quantity: 1, points: 120 });
  rows.push(
    ['QR decoder in this Chromium', qr.decoder],
    ['QR text / SVG (chars)', `${qr.textChars} / ${qr.svgChars}`],
    ['QR encode to SVG (ms, median of 51)', f(qr.encodeMs, 2)],
    ['QR first decode, photo 800 px (ms, loads the decoder)', f(qr.firstDecodeMs, 0)],
    ['QR decode, photo 800 px PNG (ms, median of 21)', f(qr.photoDecodeMs, 1)],
    ['QR decode, camera frame 640x480 (ms, median of 21)', f(qr.frameDecodeMs, 1)],
  );
  table('Points (five-year sample)', ['figure', 'value'], rows);
  const history = rows.find(([k]) => k.startsWith('history first line'))?.[1] ?? '–';
  return `points: fold ${f(pointsFoldMs, 0)} ms for ${pointsEvents.length} points events, history first line ${history} ms, QR decode ${f(qr.photoDecodeMs, 0)} ms (${qr.decoder})`;
}

async function inChromium(
  events: AppEvent[],
  { memberId, lines, goods }: { memberId: string; lines: number; goods: number },
  log: (s: string) => void,
): Promise<[string, string][]> {
  const server = await startServerProcess({ built: true, env: { RATE_LIMITS: 'off' } });
  const phone = await launchPhone();
  try {
    const account = await signInFounder(phone.page, server.url);
    // The sample is never sent: the relay would refuse other members' events from this token.
    await phone.context.setOffline(true);
    await storeUpdate(phone.page, `little-stool/${account.compoundId}/public`, encode(events));
    log('rendering a member’s points history and the love supermarket in Chromium');
    const base = `${server.url}/c/${account.compoundId}/points`;
    const historyFirst = await rendered(phone.page, `${base}/member/${memberId}`, '[data-testid="points-line"]');
    const history = await renderedMedian(phone.page, `${base}/member/${memberId}`, '[data-testid="points-line"]');
    const whole = await renderedMedian(phone.page, `${base}/member/${memberId}`, '[data-testid="points-line"]', lines);
    const shop = await renderedMedian(phone.page, `${base}/shop`, '[data-testid="goods"]');
    const shelf = await renderedMedian(phone.page, `${base}/shop`, '[data-testid="goods"]', goods);
    return [
      ['history first render, cold (ms since navigation)', f(historyFirst, 0)],
      ['history first line (ms, median of 3)', f(history, 0)],
      [`history, all ${lines} lines (ms, median of 3)`, f(whole, 0)],
      ['love supermarket, first goods (ms, median of 3)', f(shop, 0)],
      [`love supermarket, all ${goods} goods (ms, median of 3)`, f(shelf, 0)],
    ];
  } finally {
    await phone.dispose();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchPoints((s) => process.stderr.write(`  … ${s}\n`)));
}
