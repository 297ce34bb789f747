import * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { MeetingState } from '../folds/meetings.ts';
import { mayCreateMeeting } from '../meetingIds.ts';
import type { HeldOf } from './expenseRefusal.ts';

/** The events `meetingRefusal` judges. */
export type MeetingStep = EventOf<'meeting.scheduled' | 'meeting.cancelled' | 'meeting.topics.ordered'>;

/** True for the events `meetingRefusal` judges. */
export function isMeetingStep(event: { type: string }): event is MeetingStep {
  return (
    event.type === 'meeting.scheduled' || event.type === 'meeting.cancelled' || event.type === 'meeting.topics.ordered'
  );
}

/**
 * Whether a meeting event the fold kept breaks a causal rule. Then the relay refuses it.
 * - A scheduling that lands before another scheduling of its meeting id (`meeting_exists`): the
 *   first in the log creates the meeting and fixes its kind, so one placed there by a chosen origin
 *   would change the kind, make the real creation a `meeting_kind` anomaly and every honest move
 *   after it one too. An honest move is appended after what its phone held, the meeting's creation
 *   among it; an honest creation has a new random id.
 * - A move, topic order or cancellation whose author's copy held the meeting cancelled
 *   (`meeting_cancelled`). The fold keeps one written on a phone that had not seen it cancelled.
 * - The creation of a meeting whose id names another member (`meeting_not_yours`,
 *   `shared/meetingIds.ts`): its QR may have shown the id before the creation synced.
 * Only a scheduling that the fold takes as the creation, or a meeting holding a cancellation, is
 * looked up (each look-up walks the log).
 */
export function meetingRefusal(
  events: Y.Array<unknown>,
  meeting: MeetingState | undefined,
  event: MeetingStep,
  heldOf: HeldOf,
): AnomalyReason | undefined {
  if (!meeting) return undefined;
  // The fold took it as the meeting's creation (the first scheduling of its id in the log).
  if (event.type === 'meeting.scheduled' && meeting.scheduledAt === event.at && meeting.scheduledBy === event.by) {
    if (!mayCreateMeeting(event.meetingId, event.by)) return { code: 'meeting_not_yours' };
    if (landsBeforeCreation(events, event)) return { code: 'meeting_exists' };
  }
  const cancels = meeting.cancellations.flatMap((c) => (c.eventId !== event.id ? [c.eventId] : []));
  if (cancels.length === 0) return undefined;
  return heldOf(cancels).size > 0 ? { code: 'meeting_cancelled' } : undefined;
}

/** True if the log holds another scheduling of the event's meeting id, and the event is before it. */
function landsBeforeCreation(events: Y.Array<unknown>, event: EventOf<'meeting.scheduled'>): boolean {
  let seen = false;
  for (let item = events._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
    for (const raw of item.content.arr) {
      const r = raw as { type?: unknown; id?: unknown; meetingId?: unknown } | null;
      if (r?.type !== 'meeting.scheduled' || r.meetingId !== event.meetingId) continue;
      if (r.id === event.id) seen = true;
      // The first scheduling of the id in the log is the event itself only if `seen` is set first.
      else return seen;
    }
  }
  return false;
}
