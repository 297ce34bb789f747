import type { EventOf } from '../events/index.ts';
import type { MeetingKind, meetingEvents } from '../events/meeting.ts';
import { exhaustive } from '../rooms.ts';
import type { FoldModule } from './FoldContext.ts';
import { isNewer, putInOrder, type Stamp } from './stamp.ts';

export interface MeetingState {
  meetingId: string;
  kind: MeetingKind;
  startsAt: number;
  place: string;
  title: string | null;
  /** The move its title comes from: the latest by (at, id) of those carrying one; null while it is the creation's. */
  titleSet: Stamp | null;
  status: 'scheduled' | 'cancelled';
  /** The reason of the earliest cancellation by (at, id). */
  cancelReason: string | null;
  /**
   * Every cancellation in (at, id) order: the first gives the reason, the others were written on
   * phones that had not seen it (shown beside it).
   */
  cancellations: Cancellation[];
  scheduledAt: number;
  scheduledBy: string;
  /** How many times it was moved after it was first scheduled. */
  moves: number;
  /** The move its time and place come from: the latest by (at, id); null until it is moved. */
  lastMove: Stamp | null;
  /** The committee's latest order of its topics by (at, id); null until someone orders them. */
  topicOrder: TopicOrder | null;
}

/** One `meeting.cancelled`. */
export interface Cancellation extends Stamp {
  by: string;
  reason: string;
}

/** One `meeting.topics.ordered`: which event, when, and the request ids first to last. */
export interface TopicOrder {
  eventId: string;
  at: number;
  requestIds: string[];
}

/** True if ordering `a` replaces `b`: later by time, then by event id, so every copy picks the same one. */
function replaces(a: TopicOrder, b: TopicOrder | null): boolean {
  return !b || a.at > b.at || (a.at === b.at && a.eventId > b.eventId);
}

/**
 * The topics in the committee's order: those the order names first, in its order; the rest after
 * them in the order given (topics added since, or left out of a concurrent ordering, are not lost).
 */
export function orderTopics<T extends { id: string }>(topics: readonly T[], order: TopicOrder | null): T[] {
  if (!order) return [...topics];
  const rank = new Map<string, number>();
  for (const id of order.requestIds) if (!rank.has(id)) rank.set(id, rank.size);
  const ranked = topics.filter((t) => rank.has(t.id)).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  return ranked.concat(topics.filter((t) => !rank.has(t.id)));
}

/**
 * A meeting's topics: the requests collected for it or scheduled onto it, in the committee's order
 * (newest first until ordered).
 */
export function meetingTopics<
  T extends { id: string; topicFor: string | null; meetingId: string | null; raisedAt: number },
>(
  requests: Readonly<Record<string, T>>,
  meeting: { meetingId: string; topicOrder: TopicOrder | null } | undefined,
  meetingId: string,
): T[] {
  const topics = Object.values(requests)
    .filter((r) => r.topicFor === meetingId || r.meetingId === meetingId)
    .sort((a, b) => b.raisedAt - a.raisedAt);
  return orderTopics(topics, meeting?.topicOrder ?? null);
}

export interface MeetingsState {
  meetings: Record<string, MeetingState>;
}

type MeetingEvent = EventOf<(typeof meetingEvents)[number]['entries']['type']['literal']>;

const key = (meetingId: string) => `mtg:${meetingId}`;

/**
 * Folds `meeting.*` events of the public document; scheduling a meeting id again moves it. The first
 * scheduling in the log creates the meeting: the relay refuses one for a meeting id it holds from an
 * author who had not seen the meeting, or placed before it (`meetingRefusal.ts`). A cancelled
 * meeting still takes moves and topic orders written on phones that had not seen it cancelled, so
 * every merge order folds alike; the relay refuses those whose author saw it cancelled.
 */
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
            titleSet: null,
            status: 'scheduled',
            cancelReason: null,
            cancellations: [],
            scheduledAt: e.at,
            scheduledBy: e.by,
            moves: 0,
            lastMove: null,
            topicOrder: null,
          } satisfies MeetingState);
          return undefined;
        }
        if (m.kind !== e.kind) return { code: 'meeting_kind', meetingKind: m.kind };
        m.moves += 1;
        // Two moves made offline: the later by (at, id) holds, whatever the log's order; the title
        // is a setting of its own, since a move need not carry one.
        if (e.title !== undefined && isNewer(e.at, e.id, m.titleSet)) {
          m.title = e.title;
          m.titleSet = { at: e.at, eventId: e.id };
        }
        if (!isNewer(e.at, e.id, m.lastMove)) return undefined;
        m.startsAt = e.startsAt;
        m.place = e.place;
        m.lastMove = { at: e.at, eventId: e.id };
        return undefined;
      case 'meeting.cancelled':
        if (!m) return { code: 'no_such', thing: 'meeting' };
        // Cancelled on two phones at once: the earlier by (at, id) gives the reason, wherever it landed.
        putInOrder(m.cancellations, { eventId: e.id, at: e.at, by: e.by, reason: e.reason });
        m.status = 'cancelled';
        m.cancelReason = (m.cancellations[0] as Cancellation).reason;
        return undefined;
      case 'meeting.topics.ordered': {
        if (!m) return { code: 'no_such', thing: 'meeting' };
        const order: TopicOrder = { eventId: e.id, at: e.at, requestIds: [...new Set(e.requestIds)] };
        // An ordering that lost to a later one still took effect as far as the log goes: it is not an anomaly.
        if (replaces(order, m.topicOrder)) m.topicOrder = order;
        return undefined;
      }
      default:
        return exhaustive(e);
    }
  },
};
