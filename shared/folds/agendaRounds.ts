import { exhaustive } from '../rooms.ts';
import type { Completion, LoopStep, Rating, RequestState, Stage } from './RequestState.ts';
import { putInOrder } from './stamp.ts';

/** Puts a step among the request's `loop` in (at, id) order; once it holds a completion, settles the rounds again. */
export function keepLoopStep(r: RequestState, step: LoopStep): void {
  putInOrder(r.loop, step);
  if (r.completion && r.loop.at(-1) === step) {
    // Stamped after every other step (nearly every one): replaying the loop would reach the rounds
    // the request holds, then take this step; only the rounds set the stage once it is completed.
    replay(r, step, []);
    r.averageRating = averageOf(r.ratings);
  } else if (step.kind === 'completed' || r.completion) settleRounds(r);
}

interface Round {
  stage: Stage;
  completion: Completion | null;
  concurrentCompletions: Completion[];
  ratings: Rating[];
  reopenCount: number;
  reopenCause: RequestState['reopenCause'];
  reopenReason: string | null;
  reopenedFrom: RequestState['reopenedFrom'];
}

/**
 * Replays the request's loop in (at, id) order, as if each step had landed in the order its phone
 * stamped it: the same steps give the same rounds wherever the log holds them. A completion on an
 * assigned or reopened request starts a round, one on a completed request is kept beside the
 * standing one. Ratings reopen the round while their average is poor, until work written after the
 * reopening (an assignment, progress note, escalation or completion) or the committee's reopening
 * acts on it. The committee's reopening counts on a completed request or one reopened by ratings
 * alone; one stamped after that (a second reopening at once) is kept in the timeline only.
 */
function settleRounds(r: RequestState): void {
  const o: Round = {
    stage: 'assigned',
    completion: null,
    concurrentCompletions: [],
    ratings: [],
    reopenCount: 0,
    reopenCause: null,
    reopenReason: null,
    reopenedFrom: null,
  };
  // A review stamped before the first completion (a phone's clock behind) is of the first round.
  const early: LoopStep[] = [];
  for (const step of r.loop) replay(o, step, early);
  settled(r, o);
}

/** One step of the loop replayed on the rounds `o`; `early` holds reviews waiting for the first completion. */
function replay(o: Round, step: LoopStep, early: LoopStep[]): void {
  switch (step.kind) {
    case 'completed':
      if (o.completion && o.stage === 'completed') {
        o.concurrentCompletions.push(step.completion);
        break;
      }
      o.stage = 'completed';
      o.completion = step.completion;
      o.concurrentCompletions = [];
      o.ratings = [];
      o.reopenedFrom = null;
      for (const x of early) review(o, x);
      early.length = 0;
      break;
    case 'rated':
    case 'reopened':
      if (o.completion) review(o, step);
      else early.push(step);
      break;
    case 'assigned':
      if (o.stage !== 'completed') o.stage = 'assigned';
      o.reopenedFrom = null;
      break;
    case 'worked':
      o.reopenedFrom = null;
      break;
    default:
      exhaustive(step);
  }
}

function averageOf(ratings: readonly Rating[]): number | null {
  let stars = 0;
  for (const x of ratings) stars += x.stars;
  return ratings.length > 0 ? stars / ratings.length : null;
}

/** Gives the request the rounds `o` settled. */
function settled(r: RequestState, o: Round): void {
  r.stage = o.stage;
  r.completion = o.completion;
  r.concurrentCompletions = o.concurrentCompletions;
  r.ratings = o.ratings;
  r.averageRating = averageOf(o.ratings);
  r.reopenCount = o.reopenCount;
  r.reopenCause = o.reopenCause;
  r.reopenReason = o.reopenReason;
  r.reopenedFrom = o.reopenedFrom;
}

/** A rating or the committee's reopening of the round's completion. */
function review(o: Round, step: LoopStep): void {
  if (step.kind === 'reopened') {
    if (o.stage === 'completed') o.reopenCount += 1;
    else if (o.stage !== 'reopened' || !o.reopenedFrom) return;
    // Over a reopening by ratings alone it is the committee's: ratings no longer lift it back.
    o.stage = 'reopened';
    o.reopenCause = 'committee';
    o.reopenReason = step.reason;
    o.reopenedFrom = null;
    return;
  }
  if (step.kind !== 'rated') return;
  // A member's later rating by (at, id) replaces theirs.
  const held = o.ratings.findIndex((x) => x.by === step.rating.by);
  if (held >= 0) o.ratings.splice(held, 1);
  putInOrder(o.ratings, step.rating);
  let stars = 0;
  let unsolved = false;
  for (const x of o.ratings) {
    stars += x.stars;
    unsolved ||= x.solved === false;
  }
  const poor = stars / o.ratings.length < 3 || unsolved;
  if (o.stage === 'completed' && poor) {
    o.reopenedFrom = { cause: o.reopenCause, reason: o.reopenReason };
    o.stage = 'reopened';
    o.reopenCount += 1;
    o.reopenCause = 'ratings';
    o.reopenReason = null;
  } else if (o.stage === 'reopened' && o.reopenedFrom && !poor) {
    o.stage = 'completed';
    o.reopenCount -= 1;
    o.reopenCause = o.reopenedFrom.cause;
    o.reopenReason = o.reopenedFrom.reason;
    o.reopenedFrom = null;
  }
}
