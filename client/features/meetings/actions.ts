import type { MeetingKind } from '../../../shared/events/meeting.ts';
import { newMeetingId } from '../../../shared/meetingIds.ts';
import { appendPublic, optional } from '../../domain/appendPublic.ts';
import type { CompoundSession } from '../../domain/session.ts';

export interface ScheduleInput {
  kind: MeetingKind;
  startsAt: number;
  place: string;
  title?: string;
}

/**
 * Appends a `meeting.scheduled`; the new id names this member as its creator (so nobody who sees
 * its QR before it syncs can take it first) and also names the meeting's minutes document.
 */
export function scheduleMeeting(session: CompoundSession, input: ScheduleInput): string {
  const meetingId = newMeetingId(session.member.memberId, crypto.getRandomValues(new Uint8Array(16)));
  appendPublic(session, 'meeting.scheduled', {
    meetingId,
    kind: input.kind,
    startsAt: input.startsAt,
    place: input.place.trim(),
    ...optional('title', input.title),
  });
  return meetingId;
}

/** Appends a `meeting.cancelled`; the meeting stays listed, marked, with the reason. */
export function cancelMeeting(session: CompoundSession, meetingId: string, reason: string): void {
  appendPublic(session, 'meeting.cancelled', { meetingId, reason: reason.trim() });
}

/** Moves a meeting: the same id scheduled again, same kind, with the new time and place. */
export function moveMeeting(
  session: CompoundSession,
  meeting: { meetingId: string; kind: MeetingKind },
  to: { startsAt: number; place: string },
): void {
  appendPublic(session, 'meeting.scheduled', {
    meetingId: meeting.meetingId,
    kind: meeting.kind,
    startsAt: to.startsAt,
    place: to.place.trim(),
  });
}

/** Writes the committee's order of a meeting's topics; the latest order by time holds on every phone. */
export function orderTopics(session: CompoundSession, meetingId: string, requestIds: readonly string[]): void {
  // The event holds at most 500 ids; any topics past them keep their place after the ordered ones.
  appendPublic(session, 'meeting.topics.ordered', { meetingId, requestIds: requestIds.slice(0, 500) });
}
