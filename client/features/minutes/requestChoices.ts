import { whoseTurn } from '../../../shared/folds/agendaQueries.ts';
import { meetingTopics, type RequestState } from '../../../shared/folds/index.ts';
import type { PublicView } from '../../domain/PublicFold.ts';

/** What the minutes' pickers offer: the meeting's own first, the rest behind "show more". */
export interface RequestChoices {
  /** The meeting's topics in the committee's order, then requests taken up at it that are not topics. */
  topics: RequestState[];
  /** Other requests waiting on the committee, newest first. */
  others: RequestState[];
}

/** How many other requests a picker lists at most: a select longer than this is not read on a phone. */
const OTHERS = 60;

/**
 * Requests a meeting's entries can be about: its own topics (in the committee's order) and those
 * taken up at it (`takenUp`, in the order they were), then those waiting on the committee.
 */
export function requestChoices(view: PublicView, meetingId: string, takenUp: readonly string[] = []): RequestChoices {
  const requests = view.compound.agenda.requests;
  const topics = meetingTopics(requests, view.compound.meetings.meetings[meetingId], meetingId);
  const own = new Set(topics.map((r) => r.id));
  for (const id of takenUp) {
    const r = requests[id];
    if (r && !own.has(id)) {
      own.add(id);
      topics.push(r);
    }
  }
  const others = Object.values(requests)
    .filter((r) => !own.has(r.id) && whoseTurn(r) === 'committee')
    .sort((a, b) => b.raisedAt - a.raisedAt)
    .slice(0, OTHERS);
  return { topics, others };
}
