import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { LedgerState } from '../folds/ledger.ts';
import { limitOn, unmetLimit } from '../folds/ledgerTiers.ts';
import { shanghaiDay } from '../time.ts';
import { heldEvents } from './causalPast.ts';

/** The events that step an expense after it was proposed. */
export type ExpenseStep = EventOf<'ledger.expense.approved' | 'ledger.expense.refused' | 'ledger.expense.paid'>;

/** Which of these event ids the author of the event surely held. */
export type HeldOf = (candidates: readonly string[]) => ReadonlySet<string>;

/**
 * Whether an approval, refusal or payment the fold kept breaks a causal rule: its author's copy held
 * what rules it out. Then the relay refuses it.
 * - A payment whose payer held a refusal or another payment, or held a limit its amount is above
 *   while no limit or passed owners' assembly decision the relay holds lets it through.
 * - An approval whose author held a refusal, or another approval of the same party.
 * - A refusal whose author held the payment, another refusal, an approval of the same party, or
 *   all three approvals.
 * The fold keeps each of these when its author had not seen what it conflicts with (two phones
 * offline at the same time) and shows the conflict (`expenseConflicts`). What the author held is
 * known only from below: at least the event's causal past (`causalPast.ts`); a phone may have held
 * more, written at the same time as its last write. So what forbids counts only if that past holds
 * it, and what permits (a raised limit, a passed decision) counts wherever the relay holds it.
 */
export function expenseRefusal(ledger: LedgerState, event: ExpenseStep, heldOf: HeldOf): AnomalyReason | undefined {
  const x = ledger.expenses[event.expenseId];
  if (!x) return undefined;
  // Only what can rule the event out is looked up (each look-up walks the log): a refusal for any
  // step; for an approval, the same party's other approvals; for a refusal, every approval; for a
  // payment or a refusal, the other payments.
  const others = x.signatures.filter(
    (s) =>
      s.eventId !== event.id &&
      (s.answer === 'refuse' ||
        event.type === 'ledger.expense.refused' ||
        (event.type === 'ledger.expense.approved' && s.party === event.party)),
  );
  const payments =
    event.type === 'ledger.expense.approved'
      ? []
      : x.payments.flatMap((p) => (p.eventId !== event.id ? [p.eventId] : []));
  const unmet = event.type === 'ledger.expense.paid' ? unmetLimit(ledger.tiers, x) : null;
  const candidates = [
    ...others.map((s) => s.eventId),
    ...payments,
    ...(unmet ? ledger.tiers.map((t) => t.eventId) : []),
  ];
  if (candidates.length === 0) return undefined;
  const held = heldOf(candidates);
  const seen = others.filter((s) => held.has(s.eventId));
  const refused = seen.some((s) => s.answer === 'refuse');
  const paid = payments.some((id) => held.has(id));
  switch (event.type) {
    case 'ledger.expense.paid': {
      if (refused) return { code: 'expense_status', status: 'refused' };
      if (paid) return { code: 'expense_status', status: x.reversal ? 'reversed' : 'paid' };
      if (!unmet) return undefined;
      // A limit its amount is above forbids only if the payer surely held it; one that lets the
      // amount through permits wherever the relay holds it (the payer may have held it unseen).
      const tier = limitOn(ledger.tiers, shanghaiDay(x.at), (t) => held.has(t.eventId) || x.amount <= t.limitFen);
      return tier && x.amount > tier.limitFen ? { code: 'tier_unmet', limitFen: tier.limitFen } : undefined;
    }
    case 'ledger.expense.approved':
      if (refused) return { code: 'expense_status', status: 'refused' };
      return seen.some((s) => s.party === event.party) ? { code: 'already_approved', party: event.party } : undefined;
    case 'ledger.expense.refused': {
      if (paid) return { code: 'expense_status', status: x.reversal ? 'reversed' : 'paid' };
      if (refused) return { code: 'expense_status', status: 'refused' };
      if (seen.some((s) => s.party === event.party)) return { code: 'already_approved', party: event.party };
      const approved = new Set(seen.map((s) => s.party));
      return approved.size === 3 ? { code: 'expense_status', status: 'approved' } : undefined;
    }
  }
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
