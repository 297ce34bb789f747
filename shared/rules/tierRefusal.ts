import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { LedgerState } from '../folds/ledger.ts';
import { limitOn } from '../folds/ledgerTiers.ts';
import { shanghaiDay } from '../time.ts';
import { heldEvents } from './causalPast.ts';

/**
 * Whether a payment the fold flagged `tier_unmet` breaks a causal rule: its payer's copy held a
 * limit the amount is above. Then the relay refuses it. A limit the admin set offline can land in
 * the log before a payment whose payer never saw it; if only such limits bind the payment, it is a
 * concurrent conflict: kept, and the ledger flags it. The payer held at least the payment's causal
 * past (`causalPast.ts`), so only limits in that past count here.
 */
export function tierRefusal(
  events: Y.Array<unknown>,
  ledger: LedgerState,
  event: EventOf<'ledger.expense.paid'>,
  why: AnomalyReason | undefined,
): AnomalyReason | undefined {
  if (why?.code !== 'tier_unmet') return undefined;
  const expense = ledger.expenses[event.expenseId];
  if (!expense) return undefined;
  const held = heldEvents(
    events,
    event.id,
    ledger.tiers.map((t) => t.eventId),
  );
  const tier = limitOn(ledger.tiers, shanghaiDay(expense.at), (t) => held.has(t.eventId));
  return tier && expense.amount > tier.limitFen ? { code: 'tier_unmet', limitFen: tier.limitFen } : undefined;
}
