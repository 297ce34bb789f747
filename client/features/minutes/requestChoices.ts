import { whoseTurn } from '../../../shared/folds/agendaQueries.ts';
import { orderTopics, type RequestState } from '../../../shared/folds/index.ts';
import type { PublicView } from '../../domain/PublicFold.ts';

/** Requests a meeting can take up: its own topics first (in the committee's order), then those waiting on the committee, newest first. */
export function requestChoices(view: PublicView, meetingId: string): RequestState[] {
  const all = Object.values(view.compound.agenda.requests).sort((a, b) => b.raisedAt - a.raisedAt);
  const own = orderTopics(
    all.filter((r) => r.topicFor === meetingId || r.meetingId === meetingId),
    view.compound.meetings.meetings[meetingId]?.topicOrder ?? null,
  );
  const waiting = all.filter((r) => !own.includes(r) && whoseTurn(r) === 'committee');
  return [...own, ...waiting].slice(0, 60);
}
