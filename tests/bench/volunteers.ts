/**
 * Volunteers figures on the five-year sample compound (20,000+ roster and points events): the
 * fold behind the volunteers tab and one member's month in Node, and the first render of the tab
 * and of the member's page in headless Chromium at phone size (needs `npm run build`).
 * Run alone: `node --import tsx tests/bench/volunteers.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppEvent } from '../../shared/events/index.ts';
import {
  CompoundFold,
  dutiesByDay,
  memberMonths,
  monthHours,
  monthOf,
  upcomingDuties,
} from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { launchPhone } from '../browser/support/browser.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { encode, signInFounder, storeUpdate } from './agenda.ts';
import { f, table } from './report.ts';
import { median, rendered } from './timing.ts';

const root = join(import.meta.dirname, '..', '..');

export interface VolunteersFigures {
  rows: [string, string][];
}

/** The member with the most months of service: the busiest month view there is (never shown to users). */
function busiest(fold: CompoundFold): { memberId: string; month: string } {
  const rosters = fold.state.rosters;
  let best = { memberId: '', month: '', months: -1 };
  for (const memberId of Object.keys(rosters.minutesByMember)) {
    const months = memberMonths(rosters, memberId);
    if (months.length > best.months) best = { memberId, month: months[0]?.[0] ?? '', months: months.length };
  }
  return best;
}

/** Folds the sample as the tab does, and renders the tab and one member's page in Chromium. */
export async function benchVolunteers(log: (s: string) => void = () => {}): Promise<string> {
  const sample = generateCompound({ seed: 5, scale: 'five-years', founderName: '张建华' });
  const events = sample.publicEvents as AppEvent[];
  const volunteerEvents = events.filter((e) => e.type.startsWith('roster.') || e.type.startsWith('points.'));
  const end = events[events.length - 1]?.at ?? Date.now();
  log(`folding ${events.length} public events (${volunteerEvents.length} roster and points)`);

  const fullFoldMs = median(5, () => new CompoundFold({ snapshots: false }).applyDelta([{ insert: events }]));
  const volunteerFoldMs = median(5, () =>
    new CompoundFold({ snapshots: false }).applyDelta([{ insert: volunteerEvents }]),
  );
  const fold = new CompoundFold();
  fold.applyDelta([{ insert: events }]);
  const rosters = fold.state.rosters;
  const tabQueryMs = median(21, () => {
    upcomingDuties(rosters, end);
    Object.values(rosters.teams).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  });
  const { memberId, month } = busiest(fold);
  const memberMonthMs = median(21, () => {
    memberMonths(rosters, memberId);
    Object.values(rosters.duties).filter((d) => d.signups[memberId]?.minutes && monthOf(d.day) === month);
  });
  const monthViewMs = median(21, () => {
    dutiesByDay(rosters, month);
    monthHours(rosters, month);
  });
  // One more event appended to the loaded fold: what a live event costs the tab.
  let length = events.length;
  const by = sample.members[0]?.memberId ?? '';
  const appendMs = median(21, () => {
    const team = { id: `bench-${length}`, type: 'roster.team.created', at: end, by, name: '临时' };
    fold.applyDelta([{ retain: length++ }, { insert: [team] }]);
  });

  const rows: [string, string][] = [
    ['public events', String(events.length)],
    ['roster + points events', String(volunteerEvents.length)],
    ['duties', String(Object.keys(rosters.duties).length)],
    ['fold, whole public log (ms, median of 5)', f(fullFoldMs)],
    ['fold, roster + points only (ms)', f(volunteerFoldMs)],
    ['tab queries: upcoming duties, teams (ms)', f(tabQueryMs, 2)],
    ["one member's month: months + duties served (ms)", f(memberMonthMs, 2)],
    ['month view: duties by day + team hours (ms)', f(monthViewMs, 2)],
    ['one event appended to the loaded fold (ms)', f(appendMs, 2)],
  ];

  if (existsSync(join(root, 'dist', 'index.html'))) rows.push(...(await inChromium(events, memberId, log)));
  else rows.push(['first render in Chromium', 'skipped: run npm run build']);
  table('Volunteers (five-year sample)', ['figure', 'value'], rows);
  const tab = rows.find(([k]) => k.startsWith('tab first render'))?.[1] ?? '–';
  return `volunteers: fold ${f(fullFoldMs, 0)} ms for ${events.length} events, tab first render ${tab} ms`;
}

async function inChromium(events: AppEvent[], memberId: string, log: (s: string) => void): Promise<[string, string][]> {
  const server = await startServerProcess({ built: true, env: { RATE_LIMITS: 'off' } });
  const phone = await launchPhone();
  try {
    const account = await signInFounder(phone.page, server.url);
    // The sample is never sent: the relay would refuse other members' events from this token.
    await phone.context.setOffline(true);
    await storeUpdate(phone.page, `little-stool/${account.compoundId}/public`, encode(events));
    log('rendering the volunteers tab and one member’s page in Chromium');
    const base = `${server.url}/c/${account.compoundId}/rosters`;
    const tabFirst = await rendered(phone.page, base, '[data-testid="team-item"]');
    const tabAgain = await rendered(phone.page, base, '[data-testid="team-item"]');
    const member = await rendered(phone.page, `${base}/member/${memberId}`, '[data-testid="member-month"]');
    const grid = await rendered(phone.page, `${base}/grid`, '[data-testid="grid-building"]');
    return [
      ['tab first render in Chromium (ms since navigation)', f(tabFirst, 0)],
      ['tab render again (ms)', f(tabAgain, 0)],
      ["one member's months page (ms)", f(member, 0)],
      ['my micro-grid page (ms)', f(grid, 0)],
    ];
  } finally {
    await phone.dispose();
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchVolunteers((s) => process.stderr.write(`  … ${s}\n`)));
}
