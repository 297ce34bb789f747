import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { HouseholdState } from '../folds/care.ts';
import type { HeldOf } from './expenseRefusal.ts';

/** The events `careRefusal` judges. */
export type CareStep = EventOf<'care.visitor.assigned' | 'care.household.closed'>;

/** True for the events `careRefusal` judges. */
export function isCareStep(event: { type: string }): event is CareStep {
  return event.type === 'care.visitor.assigned' || event.type === 'care.household.closed';
}

/**
 * Whether a visitor assignment or a closing breaks a causal rule: its author's copy held the
 * household closed (`household_closed`). Then the relay refuses it. The fold keeps one written on a
 * phone that had not seen the closing (the later assignment by (at, id) holds, the earlier closing
 * gives the reason). A visit is never refused: it happened. Only a closed household is looked up
 * (each look-up walks the log).
 */
export function careRefusal(
  household: HouseholdState | undefined,
  event: CareStep,
  heldOf: HeldOf,
): AnomalyReason | undefined {
  if (!household) return undefined;
  const closings = household.closings.flatMap((c) => (c.eventId !== event.id ? [c.eventId] : []));
  if (closings.length === 0) return undefined;
  return heldOf(closings).size > 0 ? { code: 'household_closed' } : undefined;
}
