/**
 * Opening a compound's meeting list in headless Chromium at phone size: the five-year sample (300 meetings)
 * loaded into the page's IndexedDB as the agenda bench does, then the time from navigation to the first
 * rendered meeting, first and again. Needs `npm run build`. Run alone: `node --import tsx tests/bench/minutesMeetings.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CompoundFold } from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { launchPhone } from '../browser/support/browser.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { encode, signInFounder, storeUpdate } from './agenda.ts';
import { root } from './processes.ts';

export interface MeetingListFigures {
  meetings: number;
  publicEvents: number;
  firstOpenMs: number;
  openAgainMs: number;
  shown: number;
}

/** ms since navigation start when the list first shows a meeting, and how many it shows then. */
async function listOpened(page: Page, url: string): Promise<{ ms: number; shown: number }> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const n = document.querySelectorAll('[data-testid="meeting-item"]').length;
      return n ? { ms: performance.now(), shown: n } : null;
    },
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as { ms: number; shown: number };
}

export async function benchMeetingList(): Promise<MeetingListFigures> {
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('dist is missing: run npm run build first');
  const server = await startServerProcess({ built: true, env: { RATE_LIMITS: 'off' } });
  const phone = await launchPhone();
  try {
    const page = phone.page;
    const account = await signInFounder(page, server.url);
    // The sample is never sent: the relay would refuse other members' events from this token.
    await phone.context.setOffline(true);
    const sample = generateCompound({
      seed: 5,
      scale: 'five-years',
      founderId: account.memberId,
      founderName: '张建华',
    });
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
    await storeUpdate(page, `little-stool/${account.compoundId}/public`, encode(sample.publicEvents));
    await storeUpdate(page, `little-stool/${account.compoundId}/members`, encode(joined));
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: sample.publicEvents }]);

    const url = `${server.url}/c/${account.compoundId}/meetings`;
    const first = await listOpened(page, url);
    const again = await listOpened(page, url);
    return {
      meetings: Object.keys(fold.state.meetings.meetings).length,
      publicEvents: sample.publicEvents.length,
      firstOpenMs: Math.round(first.ms),
      openAgainMs: Math.round(again.ms),
      shown: again.shown,
    };
  } finally {
    await phone.dispose();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchMeetingList();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(16)} ${v}`);
}
