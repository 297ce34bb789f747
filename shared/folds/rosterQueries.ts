import { shanghaiDayStart } from '../time.ts';
import type { Signup } from './dutySignups.ts';
import type { DutyState, RostersState } from './rosters.ts';

/** The month "YYYY-MM" of an Asia/Shanghai day "YYYY-MM-DD". */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** "HH:MM" on a duty's Asia/Shanghai day, as ms since epoch. */
function atClock(day: string, clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return shanghaiDayStart(day) + (h ?? 0) * 3_600_000 + (m ?? 0) * 60_000;
}

/** When a duty starts, in ms since epoch. */
export function dutyStartsAt(duty: Pick<DutyState, 'day' | 'start'>): number {
  return atClock(duty.day, duty.start);
}

/**
 * When a duty ends, in ms since epoch: on the next day when its end is not after its start (a night
 * patrol 22:00-02:00), as the fold counts its length.
 */
export function dutyEndsAt(duty: Pick<DutyState, 'day' | 'start' | 'end'>): number {
  return atClock(duty.day, duty.end) + (duty.end > duty.start ? 0 : DAY_MS);
}

const DAY_MS = 86_400_000;

/** How long after a duty's check-in window closes a member who checked in may still check out. */
export const CHECK_OUT_GRACE_MS = 2 * 3_600_000;

/**
 * When a duty is checked into: from the start of its Asia/Shanghai day to the end of that day, or
 * to the duty's end when it runs past midnight. People come early or late, so the whole day rather
 * than a window around the start; another day is not the duty's. A member who checked in may check
 * out until `checkOutUntil`; a check-out forgotten longer than that is the lead's to correct (a tap
 * days later would count a whole day).
 */
export function checkInWindow(duty: Pick<DutyState, 'day' | 'start' | 'end'>): {
  opens: number;
  closes: number;
  checkOutUntil: number;
} {
  const opens = shanghaiDayStart(duty.day);
  const closes = Math.max(opens + DAY_MS, dutyEndsAt(duty));
  return { opens, closes, checkOutUntil: closes + CHECK_OUT_GRACE_MS };
}

/**
 * True while members may still sign up for or withdraw from a duty: it is open and has not
 * started. After that the lead needs to know who is coming, so the list stays as it is.
 */
export function beforeCutoff(duty: DutyState, now: number): boolean {
  return duty.status === 'open' && now < dutyStartsAt(duty);
}

/** Duties in the order people read them: by day, then start, then place and id. */
export function byWhen(a: DutyState, b: DutyState): number {
  return (
    (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
    (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Open duties that have not ended, soonest first. */
export function upcomingDuties(rosters: RostersState, now: number): DutyState[] {
  return Object.values(rosters.duties)
    .filter((d) => d.status === 'open' && dutyEndsAt(d) > now)
    .sort(byWhen);
}

/** A duty's sign-ups, over-full and standby sign-ups, by member: everyone whose time served counts. */
export function servedSignups(duty: DutyState): [memberId: string, signup: Signup][] {
  return [
    ...Object.entries(duty.signups),
    ...Object.entries(duty.overfull ?? {}),
    ...Object.entries(duty.standby ?? {}),
  ];
}

/** A member's sign-up on a duty wherever it stands (a place, over-full, standby), and where. */
export function memberSignup(
  duty: DutyState,
  memberId: string,
): { signup: Signup; as: 'in' | 'overfull' | 'standby' } | undefined {
  const own = (r: Record<string, Signup> | undefined) => (r && Object.hasOwn(r, memberId) ? r[memberId] : undefined);
  const seated = own(duty.signups);
  if (seated) return { signup: seated, as: 'in' };
  const over = own(duty.overfull);
  if (over) return { signup: over, as: 'overfull' };
  const standby = own(duty.standby);
  return standby ? { signup: standby, as: 'standby' } : undefined;
}

/** Duties a member holds a slot on, in order. */
export function dutiesOf(rosters: RostersState, memberId: string): DutyState[] {
  return Object.values(rosters.duties)
    .filter((d) => memberId in d.signups)
    .sort(byWhen);
}

/** Duties on days of one month "YYYY-MM", grouped by day in order. */
export function dutiesByDay(rosters: RostersState, month: string): [day: string, duties: DutyState[]][] {
  const days = new Map<string, DutyState[]>();
  for (const d of Object.values(rosters.duties).sort(byWhen)) {
    if (monthOf(d.day) !== month) continue;
    const list = days.get(d.day);
    if (list) list.push(d);
    else days.set(d.day, [d]);
  }
  return [...days];
}

export interface MonthHours {
  /** Minutes served per member in the month. */
  byMember: Record<string, number>;
  /** Minutes served per team in the month. */
  byTeam: Record<string, number>;
}

/**
 * Minutes served in one month "YYYY-MM", per member and per team. A shift counts in the month of
 * its duty's day (an Asia/Shanghai day), even when the check-out falls after midnight, so a
 * month's total is the sum of the duties that month lists.
 */
export function monthHours(rosters: RostersState, month: string): MonthHours {
  const out: MonthHours = { byMember: {}, byTeam: {} };
  for (const d of Object.values(rosters.duties)) {
    if (monthOf(d.day) !== month) continue;
    for (const [memberId, s] of servedSignups(d)) {
      if (!s.minutes) continue;
      out.byMember[memberId] = (out.byMember[memberId] ?? 0) + s.minutes;
      out.byTeam[d.teamId] = (out.byTeam[d.teamId] ?? 0) + s.minutes;
    }
  }
  return out;
}

/** Minutes a member served per month "YYYY-MM", latest month first. */
export function memberMonths(rosters: RostersState, memberId: string): [month: string, minutes: number][] {
  const months = new Map<string, number>();
  for (const d of Object.values(rosters.duties)) {
    const minutes = memberSignup(d, memberId)?.signup.minutes;
    if (minutes) months.set(monthOf(d.day), (months.get(monthOf(d.day)) ?? 0) + minutes);
  }
  return [...months].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0));
}

/** Whole minutes from a check-in to a check-out, as `roster.checked-out` carries them (1 to 1440). */
export function servedMinutes(checkedInAt: number, checkedOutAt: number): number {
  return Math.min(1440, Math.max(1, Math.round((checkedOutAt - checkedInAt) / 60_000)));
}

/** The days of a duty repeating weekly: `day` and the same weekday for `weeks` weeks in all. */
export function weeklyDays(day: string, weeks: number): string[] {
  const first = Date.parse(`${day}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, i) => new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10));
}
