import type { DutyStep } from './dutySignups.ts';
import type { Contribution } from './FoldContext.ts';
import { servedMinutes, servedSignups } from './rosterQueries.ts';
import type { DutyState } from './rosters.ts';

/** A duty's length in minutes from its "HH:MM" start and end; one ending before it starts ends the next day. */
export function dutyLength(duty: Pick<DutyState, 'start' | 'end'>): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const span = minutes(duty.end) - minutes(duty.start);
  return span > 0 ? span : span + 1440;
}

/**
 * The minutes a shift counts: the latest correction's times, else the phone's check-in and check-out
 * (the earliest of each), else none yet.
 */
export function shiftMinutes(
  duty: Pick<DutyState, 'start' | 'end'>,
  checkIn: DutyStep | undefined,
  checkOut: DutyStep | undefined,
  correction: { checkedInAt: number; checkedOutAt: number } | null,
): number | null {
  if (correction) return servedMinutes(correction.checkedInAt, correction.checkedOutAt);
  if (!checkIn || !checkOut) return null;
  // No more than the time between the two taps (both the phone's clock) or the duty's length,
  // whichever is longer: a member cannot claim a day for a two-hour duty. Longer real work is
  // the lead's correction to write.
  return Math.min(checkOut.minutes ?? 0, Math.max(servedMinutes(checkIn.at, checkOut.at), dutyLength(duty)));
}

/** A duty adds each served member's minutes to `minutesByMember`, over-full sign-ups included. */
export function dutyContributions(duty: DutyState): Contribution[] {
  const out: Contribution[] = [];
  for (const [memberId, s] of servedSignups(duty)) if (s.minutes) out.push(['minutes', memberId, s.minutes]);
  return out;
}
