import { type Cadence, type CareReason, type careEvents, visitDay } from '../events/care.ts';
import type { EventOf } from '../events/index.ts';
import { exhaustive } from '../rooms.ts';
import { daysBetween, shanghaiDay, shanghaiDayStart } from '../time.ts';
import type { FoldModule } from './FoldContext.ts';
import { isNewer, putInOrder, type Stamp } from './stamp.ts';

export interface Visit {
  eventId: string;
  /** When it was written down. */
  at: number;
  /** The Asia/Shanghai day of the visit: the event's `day`, else the day it was written. */
  day: string;
  by: string;
  note: string;
  needs: string | null;
}

/** True if visit `a` came after `b`: a later day, then the usual (at, id) order within a day. */
export const visitAfter = (a: Visit, b: Visit): boolean =>
  a.day > b.day || (a.day === b.day && isNewer(a.at, a.eventId, b));

/** A vulnerable household visited regularly (committee document only). */
export interface HouseholdState {
  id: string;
  label: string;
  building: string;
  unit: string | null;
  reasonCategory: CareReason;
  cadence: Cadence;
  /** Who visits; null when the visits fall to the whole committee. */
  visitorId: string | null;
  /** The assignment `visitorId` comes from: the latest by (at, id); null while it is the registration's. */
  visitorSet: Stamp | null;
  /** The last visit before the household was registered (from a paper list), if given. */
  lastVisitedOn: string | null;
  note: string | null;
  registeredAt: number;
  status: 'active' | 'closed';
  /** The reason of the earliest closing by (at, id). */
  closedReason: string | null;
  /**
   * Every closing in (at, id) order: the first gives the reason, the others were written on phones
   * that had not seen it (shown beside it).
   */
  closings: Closing[];
  /** In the order they happened: by day, then (at, id). */
  visits: Visit[];
}

/** One `care.household.closed`. */
export interface Closing extends Stamp {
  by: string;
  reason: string;
}

export interface CareState {
  households: Record<string, HouseholdState>;
}

type CareEvent = EventOf<(typeof careEvents)[number]['entries']['type']['literal']>;

const key = (id: string) => `hh:${id}`;

/**
 * Folds `care.*` events of the committee document. A closed household still takes visits, visitor
 * assignments and closings written on phones that had not seen it closed, so every merge order
 * folds alike; the relay refuses an assignment or closing whose author saw it closed (`careRefusal.ts`).
 */
export const careModule: FoldModule<CareEvent> = {
  keys: (e) => [key(e.type === 'care.household.registered' ? e.id : e.householdId)],
  creates: (e) => (e.type === 'care.household.registered' ? key(e.id) : undefined),
  apply(ctx, e) {
    if (e.type === 'care.household.registered') {
      ctx.put(key(e.id), {
        id: e.id,
        label: e.label,
        building: e.building,
        unit: e.unit ?? null,
        reasonCategory: e.reasonCategory,
        cadence: e.cadence,
        visitorId: e.visitorId ?? null,
        visitorSet: null,
        lastVisitedOn: e.lastVisitedOn ?? null,
        note: e.note ?? null,
        registeredAt: e.at,
        status: 'active',
        closedReason: null,
        closings: [],
        visits: [],
      } satisfies HouseholdState);
      return undefined;
    }
    const h = ctx.get<HouseholdState>(key(e.householdId));
    if (!h) return { code: 'no_such', thing: 'household' };
    if (e.type === 'care.visit.logged') {
      // A visit is a fact: kept even when the household was closed meanwhile (a volunteer offline
      // at the door while the committee closed it), so its note and concern are never dropped.
      // Kept by the day it was made, then (at, id), wherever the log holds it: a visit written down
      // days later (补记) goes before those made since.
      const visit: Visit = {
        eventId: e.id,
        at: e.at,
        day: visitDay(e),
        by: e.by,
        note: e.note,
        needs: e.needs ?? null,
      };
      let i = h.visits.length;
      while (i > 0 && visitAfter(h.visits[i - 1] as Visit, visit)) i--;
      h.visits = [...h.visits.slice(0, i), visit, ...h.visits.slice(i)];
      return undefined;
    }
    switch (e.type) {
      case 'care.visitor.assigned':
        // Two reassignments made offline, or one beside a closing: the later by (at, id) holds,
        // whatever the log's order.
        if (!isNewer(e.at, e.id, h.visitorSet)) return undefined;
        h.visitorId = e.visitorId ?? null;
        h.visitorSet = { at: e.at, eventId: e.id };
        return undefined;
      case 'care.household.closed':
        // Closed on two phones at once: the earlier by (at, id) gives the reason, wherever it landed.
        putInOrder(h.closings, { eventId: e.id, at: e.at, by: e.by, reason: e.reason });
        h.status = 'closed';
        h.closedReason = (h.closings[0] as Closing).reason;
        return undefined;
      default:
        return exhaustive(e);
    }
  },
};

/** Days within which the next visit is due: 日访 1, 周访 7, 半月访 14, 月访 31 (for counting missed visits). */
export const cadenceDays: Record<Cadence, number> = { daily: 1, weekly: 7, fortnightly: 14, monthly: 31 };

/** The Asia/Shanghai day a visit on `day` is next due: a monthly one the same date next month (31 Jan → 29 Feb). */
export function nextDue(day: string, cadence: Cadence): string {
  if (cadence !== 'monthly') return shanghaiDay(shanghaiDayStart(day) + cadenceDays[cadence] * 86_400_000);
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastOfNext))).toISOString().slice(0, 10);
}

export interface CareStatus {
  /** The day of the last visit: in the app or on the paper list; null before any. */
  lastVisitedOn: string | null;
  /** Asia/Shanghai day by which the next visit is due; null once closed. */
  nextDueDay: string | null;
  overdue: boolean;
  /** Whole periods gone by without a visit, since the last one and between earlier ones. */
  missed: number;
}

/** Whole days from one Asia/Shanghai day "YYYY-MM-DD" to another. */
const daysFrom = (from: string, to: string) => daysBetween(shanghaiDayStart(from), shanghaiDayStart(to));

/**
 * How a household's visits stand at `now`, by the days visits were made (a visit written down later
 * counts from its day); kept out of the fold because it depends on the clock.
 */
export function careStatus(household: HouseholdState, now: number): CareStatus {
  const period = cadenceDays[household.cadence];
  let missed = 0;
  // A household carried over from a paper list is due from its last visit there, not from today;
  // one without is due from its registration, unless a visit before it was written down since.
  let visited = household.lastVisitedOn;
  let last = visited ?? shanghaiDay(household.registeredAt);
  // The fold keeps the visits in the order they happened, whatever order they were written in.
  for (const { day } of household.visits) {
    if (day < last && visited !== null) continue;
    if (day >= last) missed += Math.max(0, Math.floor(daysFrom(last, day) / period) - 1);
    last = day;
    visited = day;
  }
  if (household.status === 'closed') return { lastVisitedOn: visited, nextDueDay: null, overdue: false, missed };
  const nextDueDay = nextDue(last, household.cadence);
  missed += Math.max(0, Math.floor(daysBetween(shanghaiDayStart(last), now) / period) - 1);
  return { lastVisitedOn: visited, nextDueDay, overdue: shanghaiDay(now) > nextDueDay, missed };
}
