import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { type MinutesState, stampedBefore } from '../folds/foldMinutes.ts';
import type { RequestState } from '../folds/RequestState.ts';
import type { HeldOf } from './expenseRefusal.ts';

/**
 * Whether a decision breaks a causal rule: its author's copy held a final decision (approved or
 * rejected) on the request, or the request merged or withdrawn. Then the relay refuses it
 * (`already_decided`, `already_merged`, `already_withdrawn`); the fold alone would keep it beside
 * the one it saw, or let it stand over the merge or withdrawal, wherever it was placed. Two phones deciding offline at once are a
 * concurrent conflict: kept, and shown by the request (`concurrentDecisions`). What the author held
 * is known from below, as the event's causal past, so only a decision in that past forbids.
 */
export function decisionRefusal(
  request: RequestState | undefined,
  event: EventOf<'request.decided'>,
  heldOf: HeldOf,
): AnomalyReason | undefined {
  if (!request) return undefined;
  return endRefusal(request, event.id, heldOf);
}

/**
 * Whether the author of the event `eventId` on `request` held what ended the undecided request: a
 * final decision (`already_decided`), a merge (`already_merged`) or the raiser's withdrawal
 * (`already_withdrawn`). Only a request holding one is looked up (each look-up walks the log).
 */
export function endRefusal(request: RequestState, eventId: string, heldOf: HeldOf): AnomalyReason | undefined {
  const ends = new Map<string, AnomalyReason>();
  for (const d of [request.decision, ...request.concurrentDecisions]) {
    if (d && d.outcome !== 'deferred') ends.set(d.eventId, { code: 'already_decided' });
  }
  for (const m of request.merges) ends.set(m.eventId, { code: 'already_merged' });
  // The fold keeps the earliest withdrawal; the timeline lists every one.
  for (const x of request.timeline)
    if (x.type === 'request.withdrawn') ends.set(x.eventId, { code: 'already_withdrawn' });
  ends.delete(eventId);
  if (ends.size === 0) return undefined;
  const held = heldOf([...ends.keys()]);
  for (const [id, reason] of ends) if (held.has(id)) return reason;
  return undefined;
}

/**
 * Whether 以这条为准 in a meeting's minutes breaks a causal rule: its author's copy held another on
 * the same request and no decision on it stamped after that one (`already_upheld`): a decision
 * recorded after a settlement opens the request again. Two written at once on phones that had not
 * seen each other's are kept, the earlier by (at, id) standing, and shown.
 */
export function upholdRefusal(
  minutes: MinutesState,
  event: EventOf<'minutes.decision.upheld'>,
  heldOf: HeldOf,
): AnomalyReason | undefined {
  const mine = minutes.upholdings.find((u) => u.eventId === event.id);
  const others = minutes.upholdings.filter((u) => u.eventId !== event.id && u.requestId === mine?.requestId);
  if (others.length === 0) return undefined;
  const held = heldOf(others.map((u) => u.eventId));
  const last = others.filter((u) => held.has(u.eventId)).at(-1);
  if (!last) return undefined;
  const later = minutes.decisions.flatMap((d) =>
    d.requestId === last.requestId && stampedBefore(last, d) ? [d.eventId] : [],
  );
  return later.length > 0 && heldOf(later).size > 0 ? undefined : { code: 'already_upheld' };
}
