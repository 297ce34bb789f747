import { parties } from '../roles.ts';
import { daysBetween, shanghaiDay, shanghaiDayStart } from '../time.ts';
import { type ActionItem, sameOwner } from './foldMinutes.ts';
import type { AgendaState, Assignment, RequestState } from './RequestState.ts';

/** Stages after which a deadline no longer matters. */
const settled = new Set<RequestState['stage']>(['completed', 'closed', 'withdrawn', 'merged']);

/** True when the request's deadline day has passed in Asia/Shanghai and it is not done. */
export function isOverdue(request: RequestState, now: number): boolean {
  return pastDeadline(openDeadline(request), now);
}

/** The deadline day (YYYY-MM-DD, Asia/Shanghai) a request can still be late against: its assignment's, until it is settled. */
export function openDeadline(request: RequestState): string | null {
  return request.assignment !== null && !settled.has(request.stage) ? request.assignment.deadline : null;
}

/** True once `deadline`'s day has passed in Asia/Shanghai; never for no deadline. */
export function pastDeadline(deadline: string | null, now: number): boolean {
  return deadline !== null && shanghaiDay(now) > deadline;
}

/** Days residents have to rate a reported result; after that a completed request counts as finished. */
export const RATING_WINDOW_DAYS = 30;

/**
 * True while a completed request is still being rated and followed up (公开评事, 追踪查事): for
 * RATING_WINDOW_DAYS after its result was reported. A later reopen moves it out of `completed`.
 */
export function awaitsRating(request: RequestState, now: number): boolean {
  return (
    request.stage === 'completed' &&
    request.completion !== null &&
    now - request.completion.at < RATING_WINDOW_DAYS * 24 * 3600_000
  );
}

/** Whole days past the deadline day (Asia/Shanghai); 0 or less when not late. */
export function daysLate(request: RequestState, now: number): number {
  return request.assignment ? daysPast(request.assignment.deadline, now) : 0;
}

/** Whole days past a deadline day (Asia/Shanghai); 0 or less when not late. */
export function daysPast(deadline: string, now: number): number {
  return daysBetween(shanghaiDayStart(deadline), now);
}

/** Who a request waits on: one of the three parties, the committee as a whole, or residents rating it. */
export const turns = [...parties, 'committee', 'residents'] as const;
export type Turn = (typeof turns)[number];

/**
 * Who has to act next: the committee moves a request through classification and deliberation
 * and assigns it; the owner party does the work (the community while an escalation waits for an
 * answer); residents rate a completed one. Null once it is closed, withdrawn or merged. A request
 * assigned to one member falls to the committee that follows it up.
 */
export function whoseTurn(request: RequestState): Turn | null {
  switch (request.stage) {
    case 'raised':
    case 'classified':
    case 'scheduled':
    case 'decided':
      return request.escalations.some((x) => !x.answer) ? 'community' : 'committee';
    case 'assigned':
    case 'reopened': {
      if (request.escalations.some((x) => !x.answer)) return 'community';
      if (request.stage === 'reopened' && !request.assignment) return 'committee';
      const owner = request.assignment?.owner;
      return owner && 'party' in owner ? owner.party : 'committee';
    }
    case 'completed':
      return 'residents';
    case 'closed':
    case 'withdrawn':
    case 'merged':
      return null;
  }
}

/** For, against and abstain among members' own votes. */
export function voteCounts(request: RequestState): { for: number; against: number; abstain: number } {
  const counts = { for: 0, against: 0, abstain: 0 };
  for (const vote of request.votes) counts[vote.choice] += 1;
  return counts;
}

/**
 * The agenda with meetings' action items applied: an item naming a request that is decided,
 * assigned or reopened becomes its assignment when it is newer than the one it has (source
 * 'minutes'); an assignment the minutes' phone wrote for the item (same owner, deadline and words,
 * see `actionSteps`) is marked as coming from it. Requests it changes are fresh objects; the others are shared.
 */
export function applyActionItems(agenda: AgendaState, items: readonly ActionItem[]): AgendaState {
  const requests = { ...agenda.requests };
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    const r = item.requestId === null ? undefined : requests[item.requestId];
    if (!r || !['decided', 'assigned', 'reopened'].includes(r.stage)) continue;
    if (r.assignment && carriedFrom(r.assignment, item)) {
      requests[r.id] = { ...r, assignment: { ...r.assignment, source: 'minutes' } };
      continue;
    }
    if (r.assignment && r.assignment.at > item.at) continue;
    requests[r.id] = {
      ...r,
      stage: r.stage === 'decided' ? 'assigned' : r.stage,
      assignment: {
        eventId: item.eventId,
        at: item.at,
        by: item.by,
        owner: item.owner,
        deadline: item.deadline,
        note: item.text,
        source: 'minutes',
      },
    };
  }
  return { requests };
}

/** True when the assignment is the one written for the action item when it was recorded. */
function carriedFrom(a: Assignment, item: ActionItem): boolean {
  return (
    sameOwner(a.owner, item.owner) && a.deadline === item.deadline && a.note === item.text.trim() && a.by === item.by
  );
}

/**
 * What a list card shows of a request, as plain data: the live list makes it from the fold, and a
 * phone keeps its first screen of them to show at once on its next visit, before the fold is back.
 */
export interface ListedRequest {
  id: string;
  title: string;
  stage: RequestState['stage'];
  category: RequestState['category'];
  snap: boolean;
  building: string | null;
  photoCount: number;
  turn: Turn | null;
  raisedBy: string;
  raisedFor: string | null;
  raisedAt: number;
  /** The deadline it can still be late against (openDeadline); lateness is read against the time shown. */
  deadline: string | null;
}

export function listedRequest(request: RequestState): ListedRequest {
  return {
    id: request.id,
    title: request.title,
    stage: request.stage,
    category: request.category,
    snap: request.snap,
    building: request.building,
    photoCount: request.photos.length,
    turn: whoseTurn(request),
    raisedBy: request.raisedBy,
    raisedFor: request.raisedFor,
    raisedAt: request.raisedAt,
    deadline: openDeadline(request),
  };
}
