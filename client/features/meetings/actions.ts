import type { MeetingKind } from '../../../shared/events/meeting.ts';
import type { CompoundSession } from '../../sync/CompoundSession.ts';
import { newId } from '../../sync/ids.ts';
import { appendPublic, optional } from '../agenda/actions.ts';

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
