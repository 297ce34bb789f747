import { daysBetween, shanghaiDayStart } from '../time.ts';
import { type CareState, type CareStatus, careStatus, type HouseholdState, type Visit } from './care.ts';

/** One household on the committee's care list, as it stands at a time. */
export interface CareRow {
  household: HouseholdState;
  status: CareStatus;
  /** Whole Asia/Shanghai days until the next visit is due: 0 today, negative once overdue. */
  dueIn: number;
  /** The latest visit logged in the app by the day it was made (then (at, id)), if any. */
  lastVisit: Visit | null;
}

/** A household's row at `now`. */
export function careRow(household: HouseholdState, now: number): CareRow {
  const status = careStatus(household, now);
  const dueIn = status.nextDueDay === null ? 0 : daysBetween(now, shanghaiDayStart(status.nextDueDay));
  // The fold keeps the visits in the order they happened, wherever the log holds them.
  const lastVisit = household.visits.at(-1) ?? null;
  return { household, status, dueIn, lastVisit };
}

const byLabel = (a: HouseholdState, b: HouseholdState) =>
  a.building.localeCompare(b.building, 'zh-CN', { numeric: true }) ||
  a.label.localeCompare(b.label, 'zh-CN') ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Households still visited, the most overdue first, then the soonest due (ties by building and name). */
export function careRows(care: CareState, now: number): CareRow[] {
  return Object.values(care.households)
    .filter((h) => h.status === 'active')
    .map((h) => careRow(h, now))
    .sort((a, b) => a.dueIn - b.dueIn || byLabel(a.household, b.household));
}

/** Households whose visits have ended, by building and name. */
export function closedHouseholds(care: CareState): HouseholdState[] {
  return Object.values(care.households)
    .filter((h) => h.status === 'closed')
    .sort(byLabel);
}

/**
 * Overdue visits that wait on `memberId`: the households they visit, and those with no visitor
 * (or one who can no longer visit: revoked, or off the committee), which fall to every committee
 * member. Most overdue first.
 */
export function careTurns(
  care: CareState,
  now: number,
  memberId: string,
  canVisit: (id: string) => boolean,
): CareRow[] {
  return careRows(care, now).filter(
    (r) =>
      r.status.overdue &&
      (r.household.visitorId === memberId || r.household.visitorId === null || !canVisit(r.household.visitorId)),
  );
}

/** One month of a household's visits ("YYYY-MM", Asia/Shanghai), newest first. */
export interface VisitMonth {
  month: string;
  visits: Visit[];
}

/**
 * A household's visits newest first by the day they were made (then (at, id)): the latest `shown`
 * grouped by month, and how many earlier ones are left out.
 */
export function visitHistory(household: HouseholdState, shown: number): { months: VisitMonth[]; earlier: number } {
  const newest = [...household.visits].reverse();
  const months: VisitMonth[] = [];
  for (const visit of newest.slice(0, shown)) {
    const month = visit.day.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.visits.push(visit);
    else months.push({ month, visits: [visit] });
  }
  return { months, earlier: Math.max(0, newest.length - shown) };
}
