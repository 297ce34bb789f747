import type { EventOf } from '../events/index.ts';
import type { MeetingKind, meetingEvents } from '../events/meeting.ts';
import { exhaustive } from '../rooms.ts';
import type { FoldModule } from './FoldContext.ts';

export interface MeetingState {
  meetingId: string;
  kind: MeetingKind;
  startsAt: number;
  place: string;
  title: string | null;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  scheduledAt: number;
  scheduledBy: string;
  /** How many times it was moved after it was first scheduled. */
  moves: number;
}

export interface MeetingsState {
  meetings: Record<string, MeetingState>;
}

type MeetingEvent = EventOf<(typeof meetingEvents)[number]['entries']['type']['literal']>;

const key = (meetingId: string) => `mtg:${meetingId}`;

/** Folds `meeting.*` events of the public document; scheduling a meeting id again moves it. */
export const meetingsModule: FoldModule<MeetingEvent> = {
  keys: (e) => [key(e.meetingId)],
  creates: (e) => (e.type === 'meeting.scheduled' ? key(e.meetingId) : undefined),
  apply(ctx, e) {
    const m = ctx.get<MeetingState>(key(e.meetingId));
    switch (e.type) {
      case 'meeting.scheduled':
        if (!m) {
          ctx.put(key(e.meetingId), {
            meetingId: e.meetingId,
            kind: e.kind,
            startsAt: e.startsAt,
            place: e.place,
            title: e.title ?? null,
            status: 'scheduled',
            cancelReason: null,
            scheduledAt: e.at,
            scheduledBy: e.by,
            moves: 0,
          } satisfies MeetingState);
          return undefined;
        }
        if (m.status === 'cancelled') return { code: 'meeting_cancelled' };
        if (m.kind !== e.kind) return { code: 'meeting_kind', meetingKind: m.kind };
        m.startsAt = e.startsAt;
        m.place = e.place;
        if (e.title !== undefined) m.title = e.title;
        m.moves += 1;
        return undefined;
      case 'meeting.cancelled':
        if (!m) return { code: 'no_such', thing: 'meeting' };
        if (m.status === 'cancelled') return { code: 'meeting_cancelled' };
        m.status = 'cancelled';
        m.cancelReason = e.reason;
        return undefined;
      default:
        return exhaustive(e);
    }
  },
};
