import * as v from 'valibot';
import { PositiveFen } from '../money.ts';
import { PartySchema } from '../roles.ts';
import { Day } from '../time.ts';
import { defineEvent, EventRef, ImageRefs, Line, MeetingId, Text } from './envelope.ts';
import { AssemblyTally } from './meeting.ts';

export const fundKinds = ['shared-account', 'pooled', 'donation', 'maintenance', 'other'] as const;
export type FundKind = (typeof fundKinds)[number];

/** Where public income comes from (公共收益). */
export const incomeSources = ['parking', 'advertising', 'venue', 'donation', 'pooled', 'property', 'other'] as const;
export type IncomeSource = (typeof incomeSources)[number];

/** An account, e.g. the three-party shared account (三方共管账户). Its id is this event's id. */
export const FundOpened = defineEvent('ledger.fund.opened', {
  name: Line(60),
  kind: v.picklist(fundKinds),
});

/** Money in, in integer fen. */
export const IncomeRecorded = defineEvent('ledger.income.recorded', {
  fundId: EventRef,
  amount: PositiveFen,
  source: v.picklist(incomeSources),
  payer: Line(100),
  day: Day,
  receipts: ImageRefs,
  note: v.optional(Text(500)),
});

/** Spending to be approved by all three parties. Its id is this event's id. */
export const ExpenseProposed = defineEvent('ledger.expense.proposed', {
  fundId: EventRef,
  amount: PositiveFen,
  payee: Line(100),
  purpose: Line(500),
  requestId: v.optional(EventRef),
  quotes: ImageRefs,
});

/** One party's approval; only a member of that party may record it. */
export const ExpenseApproved = defineEvent('ledger.expense.approved', {
  expenseId: EventRef,
  party: PartySchema,
  note: v.optional(Text(500)),
});

/** One party's refusal, which ends the proposal; only a member of that party may record it. */
export const ExpenseRefused = defineEvent('ledger.expense.refused', {
  expenseId: EventRef,
  party: PartySchema,
  note: v.optional(Text(500)),
});

/** Money out, only after all three approvals, with the receipt photos. */
export const ExpensePaid = defineEvent('ledger.expense.paid', {
  expenseId: EventRef,
  day: Day,
  receipts: ImageRefs,
});

/** Undoes a recorded income or a payment by a reversing entry; nothing is ever deleted. */
export const LedgerReversed = defineEvent('ledger.reversed', {
  targetEventId: EventRef,
  reason: Line(500),
});

/**
 * The compound's amount limit (integer fen) from a day on: an expense above the limit in force on
 * the day it was proposed is paid only with an owners' assembly decision that passed.
 */
export const TierSet = defineEvent('ledger.tier.set', {
  limitFen: PositiveFen,
  from: Day,
});

/**
 * Links an expense to an owners' assembly decision (in the `minutes-<meetingId>` document), with
 * the decision's 双过半 count copied from the minutes so the public log alone says whether it passed.
 */
export const ExpenseAssemblyLinked = defineEvent('ledger.expense.assembly-linked', {
  expenseId: EventRef,
  meetingId: MeetingId,
  decisionId: EventRef,
  assembly: AssemblyTally,
});

export const ledgerEvents = [
  FundOpened,
  IncomeRecorded,
  ExpenseProposed,
  ExpenseApproved,
  ExpenseRefused,
  ExpensePaid,
  LedgerReversed,
  TierSet,
  ExpenseAssemblyLinked,
] as const;
