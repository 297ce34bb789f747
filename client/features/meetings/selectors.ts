import { type MeetingState, meetingTopics, type RequestState } from '../../../shared/folds/index.ts';
import { shanghaiDay, shanghaiDayStart } from '../../../shared/time.ts';
import type { PublicView } from '../../domain/PublicFold.ts';

/**
 * Meetings from today on (soonest first) and earlier ones (latest first); cancelled ones stay, marked.
 * A meeting whose minutes are locked (`held`: every party present signed) has been held, today or not.
 */
export function splitMeetings(
  view: PublicView,
  now: number,
  held: ReadonlySet<string> = new Set(),
): { upcoming: MeetingState[]; past: MeetingState[] } {
  const todayStart = shanghaiDayStart(shanghaiDay(now));
  const all = Object.values(view.compound.meetings.meetings);
  const isPast = (m: MeetingState) => m.startsAt < todayStart || held.has(m.meetingId);
  return {
    upcoming: all.filter((m) => !isPast(m)).sort((a, b) => a.startsAt - b.startsAt),
    past: all.filter(isPast).sort((a, b) => b.startsAt - a.startsAt),
  };
}

/** Requests collected as topics for the meeting or scheduled onto it, in the committee's order (newest first until ordered). */
export function topicsOf(view: PublicView, meetingId: string): RequestState[] {
  return meetingTopics(view.compound.agenda.requests, view.compound.meetings.meetings[meetingId], meetingId);
}

/** How many topics each meeting has, in one pass over the agenda. */
export function topicCounts(view: PublicView): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of Object.values(view.compound.agenda.requests)) {
    const ids = new Set([r.topicFor, r.meetingId]);
    for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** "HH:MM" on an Asia/Shanghai day, as ms since epoch. */
export function shanghaiTime(day: string, time: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !m) return undefined;
  const start = shanghaiDayStart(day);
  return Number.isNaN(start) ? undefined : start + Number(m[1]) * 3_600_000 + Number(m[2]) * 60_000;
}
