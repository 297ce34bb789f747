import type { MeetingKind } from '../../../shared/events/meeting.ts';
import { appendPublic, newId, optional } from '../../domain/appendPublic.ts';
import type { CompoundSession } from '../../domain/session.ts';

export interface ScheduleInput {
  kind: MeetingKind;
  startsAt: number;
  place: string;
  title?: string;
}

/** Appends a `meeting.scheduled`; the new id also names the meeting's minutes document. */
export function scheduleMeeting(session: CompoundSession, input: ScheduleInput): string {
  const meetingId = newId();
  appendPublic(session, 'meeting.scheduled', {
    meetingId,
    kind: input.kind,
    startsAt: input.startsAt,
    place: input.place.trim(),
    ...optional('title', input.title),
  });
  return meetingId;
}
