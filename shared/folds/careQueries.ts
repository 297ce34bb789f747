import { daysBetween, shanghaiDayStart } from '../time.ts';
import { type CareState, type CareStatus, careStatus, type HouseholdState, type Visit } from './care.ts';

/** One household on the committee's care list, as it stands at a time. */
export interface CareRow {
  household: HouseholdState;
  status: CareStatus;
  /** Whole Asia/Shanghai days until the next visit is due: 0 today, negative once overdue. */
  dueIn: number;
  /** The latest visit logged in the app, if any. */
  lastVisit: Visit | null;
}

/** A household's row at `now`. */
export function careRow(household: HouseholdState, now: number): CareRow {
  const status = careStatus(household, now);
  const dueIn = status.nextDueDay === null ? 0 : daysBetween(now, shanghaiDayStart(status.nextDueDay));
  let lastVisit: Visit | null = null;
  for (const v of household.visits) if (!lastVisit || v.at > lastVisit.at) lastVisit = v;
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
