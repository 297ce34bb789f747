import type { FundKind, IncomeSource } from '../../shared/events/ledger.ts';
import type { Fen } from '../../shared/money.ts';
import type { Party } from '../../shared/roles.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { appendPublic, appendPublicEvents, optional, publicEvent } from './appendPublic.ts';
import type { AssemblyDecision } from './useAssemblyDecisions.ts';

export interface IncomeInput {
  fundId: string;
  amount: Fen;
  source: IncomeSource;
  payer: string;
  day: string;
  receipts: string[];
  note?: string;
}

/** Records money in; returns the income's id. */
export function recordIncome(session: CompoundSession, input: IncomeInput): string {
  return appendPublic(session, 'ledger.income.recorded', incomeFields(input));
}

function incomeFields(input: IncomeInput) {
  return {
    fundId: input.fundId,
    amount: input.amount,
    source: input.source,
    payer: input.payer.trim(),
    day: input.day,
    receipts: input.receipts,
    ...optional('note', input.note),
  };
}

export interface FundInput {
  name: string;
  kind: FundKind;
  /** The balance it starts with, recorded as an income of the fund (nothing when zero). */
  opening?: Omit<IncomeInput, 'fundId'>;
}

/** Opens a fund and records its opening balance as its first income; returns the fund's id. */
export function openFund(session: CompoundSession, input: FundInput): string {
  const fund = publicEvent(session, 'ledger.fund.opened', { name: input.name.trim(), kind: input.kind });
  const events = [fund];
  if (input.opening && input.opening.amount > 0)
    events.push(publicEvent(session, 'ledger.income.recorded', incomeFields({ ...input.opening, fundId: fund.id })));
  appendPublicEvents(session, events);
  return fund.id;
}

export interface ExpenseInput {
  fundId: string;
  amount: Fen;
  payee: string;
  purpose: string;
  quotes: string[];
  requestId?: string;
}

/**
 * Proposes spending for the three parties to sign, with the owners' assembly decision it rests on
 * if one is given (both in one write); returns the expense's id.
 */
export function proposeExpense(session: CompoundSession, input: ExpenseInput, decision?: AssemblyDecision): string {
  const expense = publicEvent(session, 'ledger.expense.proposed', {
    fundId: input.fundId,
    amount: input.amount,
    payee: input.payee.trim(),
    purpose: input.purpose.trim(),
    quotes: input.quotes,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  const events = [expense];
  if (decision) events.push(publicEvent(session, 'ledger.expense.assembly-linked', linkFields(expense.id, decision)));
  appendPublicEvents(session, events);
  return expense.id;
}

/** A party approves or refuses an expense; the rules let only a member of that party sign for it. */
export function signExpense(
  session: CompoundSession,
  expenseId: string,
  party: Party,
  answer: 'approve' | 'refuse',
  note?: string,
): string {
  const fields = { expenseId, party, ...optional('note', note) };
  return answer === 'approve'
    ? appendPublic(session, 'ledger.expense.approved', fields)
    : appendPublic(session, 'ledger.expense.refused', fields);
}

/** Records that an approved expense was paid, with the receipts. */
export function recordPayment(session: CompoundSession, expenseId: string, day: string, receipts: string[]): string {
  return appendPublic(session, 'ledger.expense.paid', { expenseId, day, receipts });
}

/** Undoes an income or a payment by a reversing entry naming why; nothing is edited or deleted. */
export function reverseEntry(session: CompoundSession, targetEventId: string, reason: string): string {
  return appendPublic(session, 'ledger.reversed', { targetEventId, reason: reason.trim() });
}

/** Sets the compound's amount limit (integer fen) from a day on; admins only. */
export function setTierLimit(session: CompoundSession, limitFen: Fen, from: string): string {
  return appendPublic(session, 'ledger.tier.set', { limitFen, from });
}

/** Links an owners' assembly decision to an expense, with its 双过半 count as the minutes hold it. */
export function linkAssemblyDecision(session: CompoundSession, expenseId: string, decision: AssemblyDecision): string {
  return appendPublic(session, 'ledger.expense.assembly-linked', linkFields(expenseId, decision));
}

function linkFields(expenseId: string, decision: AssemblyDecision) {
  return { expenseId, meetingId: decision.meetingId, decisionId: decision.decisionId, assembly: decision.tally };
}
