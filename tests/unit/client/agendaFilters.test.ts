import { describe, expect, it } from 'vitest';
import {
  buildingsOf,
  filterRequests,
  type isMine,
  listTabs,
  normalize,
  tabCounts,
  titleMatches,
  turnCounts,
} from '../../../shared/folds/agendaList.ts';
import { daysLate } from '../../../shared/folds/agendaQueries.ts';
import { CompoundFold, RATING_WINDOW_DAYS, type RequestState } from '../../../shared/folds/index.ts';
import { shanghaiDayStart } from '../../../shared/time.ts';
import { owners, property, resident } from '../support/members.ts';
import { TestLog } from '../support/TestLog.ts';

/** Three requests: one raised, one assigned to the property company (deadline 2024-05-10), one closed. */
function agenda(): RequestState[] {
  const log = new TestLog();
  log.add(
    'request.raised',
    resident.memberId,
    { title: '5号楼路灯不亮', category: 'lighting', building: '5号楼' },
    'r1',
  );
  log.add(
    'request.raised',
    owners.memberId,
    { title: '东门消防通道被占', category: 'fire-lane', building: '10号楼' },
    'r2',
  );
  log.add(
    'request.raised',
    resident.memberId,
    { title: '想加装充电桩', category: 'ev-charging', building: '2号楼' },
    'r3',
  );
  log.add('request.classified', owners.memberId, { requestId: 'r2', category: 'fire-lane', priority: 'high' });
  log.add('request.decided', owners.memberId, { requestId: 'r2', outcome: 'approved', note: '' });
  log.add('request.assigned', owners.memberId, {
    requestId: 'r2',
    owner: { party: 'property' },
    deadline: '2024-05-10',
  });
  log.add('request.classified', owners.memberId, { requestId: 'r3', category: 'ev-charging', priority: 'low' });
  log.add('request.decided', owners.memberId, { requestId: 'r3', outcome: 'rejected', note: '没有电容量' });
  const fold = new CompoundFold();
  fold.applyDelta([{ insert: log.events }]);
  return Object.values(fold.state.agenda.requests).sort((a, b) => b.raisedAt - a.raisedAt);
}

const before = shanghaiDayStart('2024-05-10') + 20 * 3_600_000;
const after = shanghaiDayStart('2024-05-12') + 3_600_000;
const viewer = (who: { memberId: string; party: string }, now = before) =>
  ({ memberId: who.memberId, party: who.party, now }) as Parameters<typeof isMine>[1];

describe('agenda list filters', () => {
  it('finds Chinese substrings in titles, ignoring spaces and full-width digits', () => {
    const [r] = agenda().filter((x) => x.id === 'r1');
    expect(titleMatches(r!, '路灯')).toBe(true);
    expect(titleMatches(r!, '５号楼 路灯')).toBe(true);
    expect(titleMatches(r!, '电梯')).toBe(false);
    expect(normalize(' ５ 号 ')).toBe('5号');
  });

  it('shows open requests by default, newest first, and ended ones under their own tab', () => {
    const list = agenda();
    const ids = (tab: Parameters<typeof filterRequests>[1]['tab']) =>
      filterRequests(list, { tab }, viewer(resident)).map((r) => r.id);
    expect(ids('open')).toEqual(['r2', 'r1']);
    expect(ids('ended')).toEqual(['r3']);
    expect(ids('working')).toEqual(['r2']);
    expect(ids('all')).toEqual(['r3', 'r2', 'r1']);
  });

  it('counts overdue only after the deadline day has passed in Asia/Shanghai', () => {
    const list = agenda();
    expect(filterRequests(list, { tab: 'overdue' }, viewer(owners, before))).toEqual([]);
    expect(filterRequests(list, { tab: 'overdue' }, viewer(owners, after)).map((r) => r.id)).toEqual(['r2']);
    expect(daysLate(list.find((r) => r.id === 'r2')!, after)).toBe(2);
    expect(tabCounts(list, { tab: 'all' }, viewer(owners, after)).overdue).toBe(1);
  });

  it('counts for every tab what that tab would list', () => {
    const list = agenda();
    for (const [who, now] of [
      [owners, after],
      [resident, before],
      [property, after],
    ] as const) {
      for (const query of [{}, { building: '10号楼' }, { category: 'ev-charging' as const }]) {
        const counts = tabCounts(list, { tab: 'all', ...query }, viewer(who, now));
        const listed = Object.fromEntries(
          listTabs.map((tab) => [tab, filterRequests(list, { ...query, tab }, viewer(who, now)).length]),
        );
        expect(counts).toEqual(listed);
      }
    }
  });

  it('lists overdue requests first, so they stand out', () => {
    const list = agenda();
    const ids = (now: number) => filterRequests(list, { tab: 'all' }, viewer(owners, now)).map((r) => r.id);
    expect(ids(before)).toEqual(['r3', 'r2', 'r1']);
    expect(ids(after)).toEqual(['r2', 'r3', 'r1']);
  });

  it('counts as mine what I raised, and what waits on my party', () => {
    const list = agenda();
    expect(filterRequests(list, { tab: 'mine' }, viewer(resident)).map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(filterRequests(list, { tab: 'mine' }, viewer(property)).map((r) => r.id)).toEqual(['r2']);
  });

  it('filters by building, category and whose turn, and counts turns', () => {
    const list = agenda();
    const v = viewer(owners);
    expect(filterRequests(list, { tab: 'all', building: '5号楼' }, v).map((r) => r.id)).toEqual(['r1']);
    expect(filterRequests(list, { tab: 'all', category: 'fire-lane' }, v).map((r) => r.id)).toEqual(['r2']);
    expect(filterRequests(list, { tab: 'all', turn: 'property' }, v).map((r) => r.id)).toEqual(['r2']);
    expect(turnCounts(list)).toEqual({ community: 0, owners: 0, property: 1, committee: 1, residents: 0 });
  });

  it('keeps a completed request in progress while residents rate it, and counts it as ended after the window', () => {
    const log = new TestLog();
    log.add('request.raised', resident.memberId, { title: '楼道灯坏了', category: 'lighting' }, 'r9');
    log.add('request.classified', owners.memberId, { requestId: 'r9', category: 'lighting', priority: 'normal' });
    log.add('request.decided', owners.memberId, { requestId: 'r9', outcome: 'approved', note: '' });
    log.add('request.assigned', owners.memberId, {
      requestId: 'r9',
      owner: { party: 'property' },
      deadline: '2024-05-20',
    });
    const done = log.add('request.completed', property.memberId, { requestId: 'r9', result: '换了新灯' });
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: log.events }]);
    const list = Object.values(fold.state.agenda.requests);
    const tabsAt = (now: number) =>
      (['open', 'rating', 'ended'] as const).filter((tab) => filterRequests(list, { tab }, viewer(owners, now)).length);
    expect(tabsAt(done.at + 1)).toEqual(['open', 'rating']);
    expect(tabsAt(done.at + (RATING_WINDOW_DAYS - 1) * 86_400_000)).toEqual(['open', 'rating']);
    expect(tabsAt(done.at + RATING_WINDOW_DAYS * 86_400_000)).toEqual(['ended']);
    for (const now of [done.at + 1, done.at + RATING_WINDOW_DAYS * 86_400_000]) {
      const counts = tabCounts(list, { tab: 'all' }, viewer(owners, now));
      for (const tab of listTabs)
        expect(counts[tab], tab).toBe(filterRequests(list, { tab }, viewer(owners, now)).length);
    }
  });

  it('sorts buildings in natural order', () => {
    expect(buildingsOf(agenda())).toEqual(['2号楼', '5号楼', '10号楼']);
  });
});
