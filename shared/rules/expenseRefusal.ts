import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { LedgerState } from '../folds/ledger.ts';
import { unmetLimit } from '../folds/ledgerTiers.ts';
import { shanghaiDay } from '../time.ts';
import { heldEvents } from './causalPast.ts';

/** The events that step an expense after it was proposed. */
export type ExpenseStep = EventOf<'ledger.expense.approved' | 'ledger.expense.refused' | 'ledger.expense.paid'>;

/** Which of these event ids the author of the event surely held. */
export type HeldOf = (candidates: readonly string[]) => ReadonlySet<string>;

/**
 * Whether an approval, refusal or payment the fold kept breaks a causal rule: its author's copy held
 * what rules it out. Then the relay refuses it.
 * - A payment whose payer held a refusal, or a limit its amount is above with no passed owners'
 *   assembly decision linked in what the payer held.
 * - An approval whose author held a refusal.
 * - A refusal whose author held the payment, or another refusal.
 * The fold keeps each of these when its author had not seen what it conflicts with (two phones
 * offline at the same time) and shows the conflict (`expenseConflicts`); the author held at least
 * the event's causal past (`causalPast.ts`), so only what that past holds counts here.
 */
export function expenseRefusal(ledger: LedgerState, event: ExpenseStep, heldOf: HeldOf): AnomalyReason | undefined {
  const x = ledger.expenses[event.expenseId];
  if (!x) return undefined;
  const refusal = x.refusal && x.refusal.eventId !== event.id ? x.refusal.eventId : undefined;
  const payment = x.payment && x.payment.eventId !== event.id ? x.payment.eventId : undefined;
  // Only a payment above some limit on the expense's day reads the limits and links.
  const day = shanghaiDay(x.at);
  const limited =
    event.type === 'ledger.expense.paid' && ledger.tiers.some((t) => t.from <= day && x.amount > t.limitFen);
  const candidates = [
    ...(refusal ? [refusal] : []),
    ...(payment && event.type === 'ledger.expense.refused' ? [payment] : []),
    ...(limited ? [...ledger.tiers.map((t) => t.eventId), ...x.assembly.map((l) => l.eventId)] : []),
  ];
  if (candidates.length === 0) return undefined;
  const held = heldOf(candidates);
  if (event.type === 'ledger.expense.refused' && payment && held.has(payment))
    return { code: 'expense_status', status: x.reversal ? 'reversed' : 'paid' };
  if (refusal && held.has(refusal)) return { code: 'expense_status', status: 'refused' };
  if (!limited) return undefined;
  const tier = unmetLimit(
    ledger.tiers,
    x,
    (t) => held.has(t.eventId),
    (l) => held.has(l.eventId),
  );
  return tier ? { code: 'tier_unmet', limitFen: tier.limitFen } : undefined;
}

/** `heldOf` for an event in the relay's copy: what its causal past holds. */
export function heldInLog(events: Y.Array<unknown>, eventId: string): HeldOf {
  return (candidates) => heldEvents(events, eventId, candidates);
}

/** True for the events `expenseRefusal` judges. */
export function isExpenseStep(event: { type: string }): event is ExpenseStep {
  return (
    event.type === 'ledger.expense.approved' ||
    event.type === 'ledger.expense.refused' ||
    event.type === 'ledger.expense.paid'
  );
}
