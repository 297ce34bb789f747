import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { RequestState } from '../folds/RequestState.ts';
import type { HeldOf } from './expenseRefusal.ts';

/**
 * Whether a decision breaks a causal rule: its author's copy held a final decision (approved or
 * rejected) on the request. Then the relay refuses it (`already_decided`); the fold alone would keep
 * it beside the one it saw, wherever it was placed. Two phones deciding offline at once are a
 * concurrent conflict: kept, and shown by the request (`concurrentDecisions`). What the author held
 * is known from below, as the event's causal past, so only a decision in that past forbids.
 */
export function decisionRefusal(
  request: RequestState | undefined,
  event: EventOf<'request.decided'>,
  heldOf: HeldOf,
): AnomalyReason | undefined {
  if (!request) return undefined;
  const finals: string[] = [];
  for (const d of [request.decision, ...request.concurrentDecisions]) {
    if (d && d.outcome !== 'deferred' && d.eventId !== event.id) finals.push(d.eventId);
  }
  // Only a request decided already is looked up (each look-up walks the log).
  if (finals.length === 0) return undefined;
  return heldOf(finals).size > 0 ? { code: 'already_decided' } : undefined;
}
