import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { type AgendaState, endStages, type RequestState } from '../folds/RequestState.ts';
import { exhaustive } from '../rooms.ts';
import { endRefusal } from './decisionRefusal.ts';
import type { HeldOf } from './expenseRefusal.ts';

/** The agenda steps `agendaRefusal` judges (decisions: `decisionRefusal.ts`). */
export type AgendaStep = EventOf<
  | 'request.edited'
  | 'request.classified'
  | 'request.scheduled'
  | 'request.tallied'
  | 'request.voted'
  | 'request.confirmed'
  | 'request.answered'
  | 'request.completed'
  | 'request.assigned'
  | 'request.progressed'
  | 'request.escalated'
  | 'request.withdrawn'
  | 'request.merged'
  | 'request.decision.upheld'
>;

const judged: ReadonlySet<string> = new Set<AgendaStep['type']>([
  'request.edited',
  'request.classified',
  'request.scheduled',
  'request.tallied',
  'request.voted',
  'request.confirmed',
  'request.answered',
  'request.completed',
  'request.assigned',
  'request.progressed',
  'request.escalated',
  'request.withdrawn',
  'request.merged',
  'request.decision.upheld',
]);

/** True for the events `agendaRefusal` judges. */
export function isAgendaStep(event: { type: string }): event is AgendaStep {
  return judged.has(event.type);
}

/**
 * Whether a step the fold kept breaks a causal rule: its author's copy held what it repeats. Then the
 * relay refuses it, wherever it was placed.
 * - A resident's own confirmation whose copy held theirs already (`already_confirmed`).
 * - An answer to an escalation whose author's copy held it answered (`already_answered`).
 * - A completion, or an assignment, progress note or escalation kept on a completed request, whose
 *   author's copy held the completion (`already_completed`), unless the relay holds a reopening or
 *   a rating after it: the author may have seen the request reopened.
 * - 以这条为准 whose author's copy held another on the request (`already_upheld`), or that names a
 *   rejection while the author's copy held the request assigned or completed (`already_assigned`);
 *   an assignment or escalation on a request closed by an upheld rejection whose author's copy held
 *   the upholding (`already_upheld`).
 * - A withdrawal or a merge whose author's copy held the request decided, merged or withdrawn
 *   (`decisionRefusal.ts`), or a merge whose author's copy held the target ended (`target_ended`).
 * - An edit, a scheduling, a count or a vote whose author's copy held the request decided, merged or
 *   withdrawn; a classification or an escalation on a request that ended (rejected, merged or
 *   withdrawn), or an answer on one merged or withdrawn, whose author's copy held what ended it.
 * The fold keeps each of these when it was written on a phone that had not seen the other (the
 * earlier by (at, id) counts, an answer beside it is shown). Only a request holding another such
 * step is looked up (each look-up walks the log).
 */
export function agendaRefusal(agenda: AgendaState, event: AgendaStep, heldOf: HeldOf): AnomalyReason | undefined {
  const request = agenda.requests[event.requestId];
  const target = event.type === 'request.merged' ? agenda.requests[event.intoId] : undefined;
  if (!request) return undefined;
  switch (event.type) {
    case 'request.edited':
    case 'request.scheduled':
    case 'request.tallied':
    case 'request.voted':
      return endRefusal(request, event.id, heldOf);
    case 'request.classified':
      return endStages.includes(request.stage) ? endRefusal(request, event.id, heldOf) : undefined;
    case 'request.confirmed': {
      if (event.onPaper) return undefined;
      // The fold keeps one of a member's own confirmations; the timeline lists every one.
      const onPaper = new Set(request.confirmations.flatMap((c) => (c.onPaper ? [c.eventId] : [])));
      const others = request.timeline.flatMap((x) =>
        x.type === event.type && x.by === event.by && x.eventId !== event.id && !onPaper.has(x.eventId)
          ? [x.eventId]
          : [],
      );
      return refusedIfHeld(others, heldOf, 'already_confirmed');
    }
    case 'request.answered': {
      const escalation = request.escalations.find((x) => x.eventId === event.escalationId);
      const answers = escalation?.answer ? [escalation.answer, ...escalation.concurrentAnswers] : [];
      const others = answers.flatMap((a) => (a.eventId !== event.id ? [a.eventId] : []));
      const ended = request.stage === 'withdrawn' || request.stage === 'merged';
      return (
        refusedIfHeld(others, heldOf, 'already_answered') ?? (ended ? endRefusal(request, event.id, heldOf) : undefined)
      );
    }
    case 'request.completed':
    case 'request.assigned':
    case 'request.progressed':
    case 'request.escalated': {
      if ((event.type === 'request.assigned' || event.type === 'request.escalated') && upheldRejection(request)) {
        const upholdings = request.upholdings.map((u) => u.eventId);
        if (heldOf(upholdings).size > 0) return { code: 'already_upheld' };
      }
      if (event.type === 'request.escalated' && endStages.includes(request.stage)) {
        return endRefusal(request, event.id, heldOf);
      }
      if (request.stage !== 'completed' || !request.completion) return undefined;
      const completions = [request.completion, ...request.concurrentCompletions];
      const others = completions.filter((c) => c.eventId !== event.id);
      if (others.length === 0) return undefined;
      const held = heldOf(others.map((c) => c.eventId));
      // A reopening after the completion (the committee's, or ratings: a poor one may have reopened
      // it on the author's copy, and a lifting one landed beside it) permits the work wherever the
      // relay holds it: the author may have held it, and worked on the reopened request.
      const reopenedAfter = (c: { at: number; eventId: string }) =>
        request.timeline.some(
          (x) =>
            (x.type === 'request.reopened' || x.type === 'request.rated') &&
            (x.at > c.at || (x.at === c.at && x.eventId > c.eventId)),
        );
      return others.some((c) => held.has(c.eventId) && !reopenedAfter(c)) ? { code: 'already_completed' } : undefined;
    }
    case 'request.withdrawn':
      return endRefusal(request, event.id, heldOf);
    case 'request.merged':
      return endRefusal(request, event.id, heldOf) ?? targetRefusal(target, heldOf);
    case 'request.decision.upheld': {
      const others = request.upholdings.flatMap((u) => (u.eventId !== event.id ? [u.eventId] : []));
      return refusedIfHeld(others, heldOf, 'already_upheld') ?? workRefusal(request, event.decisionId, heldOf);
    }
    default:
      return exhaustive(event);
  }
}

function refusedIfHeld(
  others: string[],
  heldOf: HeldOf,
  code: 'already_confirmed' | 'already_answered' | 'already_completed' | 'already_upheld',
): AnomalyReason | undefined {
  if (others.length === 0) return undefined;
  return heldOf(others).size > 0 ? { code } : undefined;
}

/** True if a rejection upheld over another decision stands (the work the fold keeps beside it moves the stage). */
function upheldRejection(request: RequestState): boolean {
  const upheld = request.upholdings[0];
  return request.decision?.outcome === 'rejected' && upheld?.decisionId === request.decision.eventId;
}

/** 以这条为准 on a rejection whose author's copy held an assignment or completion of the request. */
function workRefusal(request: RequestState, decisionId: string, heldOf: HeldOf): AnomalyReason | undefined {
  const named = [request.decision, ...request.concurrentDecisions].find((d) => d?.eventId === decisionId);
  if (named?.outcome !== 'rejected') return undefined;
  const work = request.timeline.flatMap((x) =>
    x.type === 'request.assigned' || x.type === 'request.completed' ? [x.eventId] : [],
  );
  return work.length > 0 && heldOf(work).size > 0 ? { code: 'already_assigned' } : undefined;
}

/** A merge whose author's copy held the target ended, by its decision, merge or withdrawal. */
function targetRefusal(target: RequestState | undefined, heldOf: HeldOf): AnomalyReason | undefined {
  if (!target || !endStages.includes(target.stage)) return undefined;
  return endRefusal(target, '', heldOf) ? { code: 'target_ended', stage: target.stage } : undefined;
}
