/** What a stretch of duty is worth under a per-hour rule, and what a correction would leave a balance at. */
import type { PointsAccount, PointsEntry } from './points.ts';

/**
 * Minutes short of a whole hour still counted as that hour: a volunteer who checks out a few
 * minutes early has served the hour. Nothing shorter is ever rounded up.
 */
export const dutyHourGraceMinutes = 10;

/**
 * Whole hours served, for a per-hour rule: 50 minutes to 1 h 49 min is 1 hour, 1 h 50 min to
 * 2 h 49 min is 2, and under 50 minutes (a check-in and check-out a minute apart) none, which
 * suggests no award. At most 100, the most an award's `units` may hold.
 */
export function dutyHours(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  return Math.min(100, Math.floor((minutes + dutyHourGraceMinutes) / 60));
}

/**
 * The most hours any version of the app suggested for these minutes: before 2026-12-05 it rounded
 * to the nearest hour, at least 1, never fewer than `dutyHours` gives. The relay's bound on a duty's
 * award a committee member gives themself, so an older phone's honest confirmation still passes.
 */
export function mostHoursSuggested(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  return Math.min(100, Math.max(1, Math.round(minutes / 60)));
}

/**
 * True when the time served is more than twice the duty's planned length: a check-out forgotten
 * overnight, or a corrected check-out typed before the check-in (read as the next day). The award
 * is then suggested marked, and confirming it asks once more.
 */
export function serviceUnusual(minutes: number, plannedMinutes: number): boolean {
  return plannedMinutes > 0 && minutes > 2 * plannedMinutes;
}

/**
 * The balance once a correction takes `entry` back and, if given, a new award of `reAward` points
 * is made in its place: what the committee is told before saving when it falls below zero.
 */
export function balanceAfterCorrection(
  account: PointsAccount | undefined,
  entry: PointsEntry,
  reAward?: number,
): number {
  return (account?.balance ?? 0) - entry.delta + (reAward ?? 0);
}
