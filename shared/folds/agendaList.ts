import type { Category } from '../events/request.ts';
import type { MemberParty } from '../roles.ts';
import {
  awaitsRating,
  isOverdue,
  type ListedRequest,
  listedRequest,
  type Turn,
  turns,
  whoseTurn,
} from './agendaQueries.ts';
import { endStages, type RequestState, type Stage, stages } from './RequestState.ts';

/** The list's tabs: groups of stages, plus "mine" and "overdue". */
export const listTabs = [
  'open',
  'mine',
  'overdue',
  'raised',
  'deliberating',
  'working',
  'rating',
  'reopened',
  'ended',
  'all',
] as const;
export type ListTab = (typeof listTabs)[number];

const stageGroups: Partial<Record<ListTab, readonly Stage[]>> = {
  open: stages.filter((s) => !endStages.includes(s)),
  raised: ['raised'],
  deliberating: ['classified', 'scheduled'],
  working: ['decided', 'assigned'],
  rating: ['completed'],
  reopened: ['reopened'],
  ended: endStages,
};

export interface ListQuery {
  tab: ListTab;
  building?: string;
  category?: Category;
  turn?: Turn;
  search?: string;
}

export interface Viewer {
  memberId: string;
  party: MemberParty;
  now: number;
}

/** Folds case, full-width forms and spaces away so "５号楼" finds "5 号楼". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Chinese (or any) substring search in titles. */
export function titleMatches(r: RequestState, search: string): boolean {
  const q = normalize(search);
  return q === '' || normalize(r.title).includes(q);
}

/** Mine: raised by me, assigned to me by name, or waiting on my party. */
export function isMine(r: RequestState, viewer: Viewer): boolean {
  if (r.raisedBy === viewer.memberId) return true;
  const owner = r.assignment?.owner;
  if (owner && 'memberId' in owner && owner.memberId === viewer.memberId) return true;
  return viewer.party !== 'none' && whoseTurn(r) === viewer.party;
}

export function inTab(r: RequestState, tab: ListTab, viewer: Viewer): boolean {
  if (tab === 'all') return true;
  if (tab === 'mine') return isMine(r, viewer);
  if (tab === 'overdue') return isOverdue(r, viewer.now);
  // A completed request past its rating window has been dealt with: it leaves 进行中 for 已结束.
  if (r.stage === 'completed' && !awaitsRating(r, viewer.now)) return tab === 'ended';
  return stageGroups[tab]?.includes(r.stage) ?? false;
}

export function matchesQuery(r: RequestState, query: ListQuery, viewer: Viewer): boolean {
  return (
    inTab(r, query.tab, viewer) &&
    (query.building === undefined || r.building === query.building) &&
    (query.category === undefined || r.category === query.category) &&
    (query.turn === undefined || whoseTurn(r) === query.turn) &&
    (query.search === undefined || titleMatches(r, query.search))
  );
}

/** The requests the list shows, in its order: overdue ones first (most late first), then newest first. */
export function filterRequests(requests: readonly RequestState[], query: ListQuery, viewer: Viewer): RequestState[] {
  const late: RequestState[] = [];
  const rest: RequestState[] = [];
  for (const r of requests) if (matchesQuery(r, query, viewer)) (isOverdue(r, viewer.now) ? late : rest).push(r);
  late.sort((a, b) => (a.assignment?.deadline ?? '').localeCompare(b.assignment?.deadline ?? ''));
  return late.concat(rest);
}

/** The stage tabs each stage is listed under. */
const tabsOfStage = new Map<Stage, ListTab[]>();
for (const [tab, stages] of Object.entries(stageGroups) as [ListTab, readonly Stage[]][])
  for (const stage of stages) tabsOfStage.set(stage, [...(tabsOfStage.get(stage) ?? []), tab]);

/** How many each tab would show (with the other filters applied), in one pass. */
export function tabCounts(
  requests: readonly RequestState[],
  query: ListQuery,
  viewer: Viewer,
): Record<ListTab, number> {
  const counts = Object.fromEntries(listTabs.map((t) => [t, 0])) as Record<ListTab, number>;
  const others: ListQuery = { ...query, tab: 'all' };
  for (const r of requests) {
    if (!matchesQuery(r, others, viewer)) continue;
    counts.all += 1;
    // The same rule as inTab: a completed request past its rating window counts as ended.
    if (r.stage === 'completed' && !awaitsRating(r, viewer.now)) counts.ended += 1;
    else for (const tab of tabsOfStage.get(r.stage) ?? []) counts[tab] += 1;
    if (isMine(r, viewer)) counts.mine += 1;
    if (isOverdue(r, viewer.now)) counts.overdue += 1;
  }
  return counts;
}

/** What waits on whom among open requests (the "whose turn" view). */
export function turnCounts(requests: readonly RequestState[]): Record<Turn, number> {
  const counts = Object.fromEntries(turns.map((turn) => [turn, 0])) as Record<Turn, number>;
  for (const r of requests) {
    const turn = whoseTurn(r);
    if (turn) counts[turn] += 1;
  }
  return counts;
}

const buildingOrder = new Intl.Collator('zh-CN', { numeric: true });

/** Buildings named on requests, in natural order ("2号楼" before "10号楼"). */
export function buildingsOf(requests: readonly RequestState[]): string[] {
  const set = new Set<string>();
  for (const r of requests) if (r.building) set.add(r.building);
  return [...set].sort(buildingOrder.compare);
}

/** The agenda's order before any filter: newest raised first (ids break ties, so every phone agrees). */
export function newestFirst(requests: Iterable<RequestState>): RequestState[] {
  return [...requests].sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What the agenda shows above the fold when opened: the first cards of 进行中 and the counts on its tabs. */
export interface AgendaOpening {
  counts: { open: number; mine: number; overdue: number; all: number };
  turnTotals: Record<Turn, number>;
  cards: ListedRequest[];
}

/** The agenda's opening for `viewer`: the unfiltered 进行中 tab's first `n` cards and the main tabs' counts. */
export function agendaOpening(requests: readonly RequestState[], viewer: Viewer, n: number): AgendaOpening {
  const counts = tabCounts(requests, { tab: 'all' }, viewer);
  const turnTotals = turnCounts(requests);
  return {
    counts: { open: counts.open, mine: counts.mine, overdue: counts.overdue, all: counts.all },
    turnTotals,
    cards: filterRequests(requests, { tab: 'open' }, viewer).slice(0, n).map(listedRequest),
  };
}
