/** An expense's signatures and payments: what each party answered, which payment counts, and its status. */
import type { EventOf } from '../events/index.ts';
import { parties } from '../roles.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { ExpenseState, ExpenseStatus, LedgerAct, PaymentState } from './ledger.ts';
import { putInOrder } from './stamp.ts';

/**
 * A payment after the three approvals. It is a fact: money left the account, so it counts even
 * beside a refusal or an amount limit its payer had not seen (both written offline at the same
 * time); those show as conflicts on the expense (`expenseConflicts`). The relay refuses a payment
 * whose payer's copy held the refusal, a limit its amount is above, or another payment
 * (`expenseRefusal.ts`). Two payers recording it offline at once are both kept (`settle`).
 */
export function pay(x: ExpenseState, act: LedgerAct, e: EventOf<'ledger.expense.paid'>): AnomalyReason | undefined {
  if (!parties.every((p) => x.approvals[p])) return { code: 'not_approved' };
  const { eventId, at, by } = act;
  putInOrder(x.payments, { eventId, at, by, day: e.day, receipts: e.receipts, reversal: null });
  settle(x);
  return undefined;
}

/**
 * The payment that counts and the status, from the payments the expense holds: the same in whichever
 * order Yjs merged them. The expense is paid once while any record stands (two records made at once
 * are most likely one payment entered on two phones), counted from the earliest standing one; it is
 * reversed once every record is, the money back with the last reversal.
 */
export function settle(x: ExpenseState): void {
  let standing: PaymentState | undefined;
  let last: PaymentState | undefined;
  for (const p of x.payments) {
    if (!p.reversal) standing ??= p;
    else if (!last?.reversal || earlier(last.reversal, p.reversal)) last = p;
  }
  x.payment = standing ?? last ?? null;
  x.reversal = standing ? null : (last?.reversal ?? null);
  x.status = statusOf(x);
}

/** An expense's status from what it holds: the same whichever order its concurrent steps landed in. */
function statusOf(x: ExpenseState): ExpenseStatus {
  if (x.payment) return x.reversal ? 'reversed' : 'paid';
  if (x.refusal) return 'refused';
  return parties.every((p) => x.approvals[p]) ? 'approved' : 'proposed';
}

/** True if `a` was written before `b`: an earlier time, or the smaller id at the same time. */
export const earlier = (a: LedgerAct, b: LedgerAct) => a.at < b.at || (a.at === b.at && a.eventId < b.eventId);

/**
 * An approval or refusal. Two phones offline can both sign: one member of a party approving while
 * another refuses, or a refusal while the payer pays. Every signature is kept; the expense's
 * approvals (each party's earliest) and refusal (the earliest) follow from the list by (at, id),
 * and its status from what it holds, so it is the same in whichever order Yjs merged them. None is
 * flagged: one whose author held what it repeats or contradicts never reaches the log.
 */
export function expenseStep(
  x: ExpenseState,
  act: LedgerAct,
  e: EventOf<'ledger.expense.approved' | 'ledger.expense.refused'>,
): AnomalyReason | undefined {
  const { eventId, at, by } = act;
  const { party } = e;
  const note = e.note ?? null;
  const answer = e.type === 'ledger.expense.approved' ? 'approve' : 'refuse';
  putInOrder(x.signatures, { eventId, at, by, party, answer, note });
  if (x.signatures.at(-1)?.eventId === eventId) {
    // The latest signature (nearly every one): what it adds follows from what the expense holds, as below.
    if (answer === 'refuse') x.refusal ??= { eventId, at, by, note, party };
    else x.approvals[party] ??= { eventId, at, by, note };
    x.status = statusOf(x);
    return undefined;
  }
  const approvals: ExpenseState['approvals'] = {};
  let refusal: ExpenseState['refusal'] = null;
  for (const s of x.signatures) {
    const { eventId, at, by, note, party } = s;
    if (s.answer === 'refuse') refusal ??= { eventId, at, by, note, party };
    else approvals[party] ??= { eventId, at, by, note };
  }
  x.approvals = approvals;
  x.refusal = refusal;
  x.status = statusOf(x);
  return undefined;
}
