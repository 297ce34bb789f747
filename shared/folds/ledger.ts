import type { EventOf } from '../events/index.ts';
import type { FundKind, IncomeSource, ledgerEvents } from '../events/ledger.ts';
import type { Party } from '../roles.ts';
import { exhaustive } from '../rooms.ts';
import { shanghaiDay } from '../time.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import { assemblyOutcome } from './assemblyTally.ts';
import type { Contribution, FoldContext, FoldModule } from './FoldContext.ts';
import { earlier, expenseStep, pay, settle } from './ledgerExpenseSteps.ts';
import { type AssemblyLink, insertTier, type TierState, type TiersDraft, tiersKey } from './ledgerTiers.ts';
import type { MeetingState } from './meetings.ts';

export interface LedgerAct {
  eventId: string;
  at: number;
  by: string;
}
export interface Reversal extends LedgerAct {
  reason: string;
}

export interface FundState {
  id: string;
  name: string;
  kind: FundKind;
  openedAt: number;
  /** Income minus payments plus reversals, in fen. */
  balance: number;
}

export interface IncomeState extends LedgerAct {
  id: string;
  fundId: string;
  amount: number;
  source: IncomeSource;
  payer: string;
  day: string;
  receipts: string[];
  note: string | null;
  reversal: Reversal | null;
}

/**
 * proposed → approved (all three parties) → paid → (reversed); or refused by any party. Derived from
 * what the expense holds, never from the order its steps landed in (`statusOf`).
 */
export type ExpenseStatus = 'proposed' | 'approved' | 'refused' | 'paid' | 'reversed';

/** One party's answer to an expense. */
export interface Signature extends LedgerAct {
  party: Party;
  answer: 'approve' | 'refuse';
  note: string | null;
}

/** A payment as recorded: it moved money, whatever merged in beside it (see `expenseConflicts`). */
export interface PaymentState extends LedgerAct {
  day: string;
  receipts: string[];
  /** The reversal that takes this record back, if any. */
  reversal: Reversal | null;
}

export interface ExpenseState extends LedgerAct {
  id: string;
  fundId: string;
  amount: number;
  payee: string;
  purpose: string;
  requestId: string | null;
  quotes: string[];
  /** Owners' assembly decisions linked to it, by (at, id); one that passed lets an above-limit expense be paid. */
  assembly: AssemblyLink[];
  status: ExpenseStatus;
  /**
   * Every approval and refusal, in (at, id) order. Two members of a party may sign offline at once;
   * the relay refuses a signature whose author held one it repeats or contradicts
   * (`expenseRefusal.ts`), so the list holds more than one per party only for such concurrent ones.
   */
  signatures: Signature[];
  /** Per party, its earliest approval by (at, id), kept even beside a refusal made at the same time. */
  approvals: Partial<Record<Party, LedgerAct & { note: string | null }>>;
  /** The earliest refusal by (at, id); a payment whose payer had not seen it still counts. */
  refusal: (LedgerAct & { party: Party; note: string | null }) | null;
  /**
   * Every payment recorded, in (at, id) order. More than one only when phones recorded it offline at
   * the same time (the relay refuses a payment whose payer held one): most likely the same money
   * twice, so the expense counts once and shows it (`paid_twice`); each record is reversible.
   */
  payments: PaymentState[];
  /** The payment that counts: the earliest not reversed; once every one is, the one reversed last. */
  payment: PaymentState | null;
  /** Set once every payment is reversed: the last reversal, which gave the money back. */
  reversal: Reversal | null;
}

/** Money moved in one Asia/Shanghai month, in fen; a reversal counts (negative) in its own month. */
export interface MonthTotals {
  income: Partial<Record<IncomeSource, number>>;
  expense: number;
}

export interface LedgerState {
  funds: Record<string, FundState>;
  incomes: Record<string, IncomeState>;
  expenses: Record<string, ExpenseState>;
  /** By month "YYYY-MM". */
  monthly: Record<string, MonthTotals>;
  /** Every amount limit set, by (from, at, id); see limitOn. */
  tiers: TierState[];
}

type LedgerEvent = EventOf<(typeof ledgerEvents)[number]['entries']['type']['literal']>;
export type FundDraft = Omit<FundState, 'balance'>;

const fundKey = (id: string) => `fund:${id}`;
const incKey = (id: string) => `inc:${id}`;
const expKey = (id: string) => `exp:${id}`;

/** Folds `ledger.*` events: every expense needs all three parties before it is paid. */
export const ledgerModule: FoldModule<LedgerEvent> = {
  keys(e) {
    switch (e.type) {
      case 'ledger.fund.opened':
        return [fundKey(e.id)];
      case 'ledger.income.recorded':
        return [incKey(e.id)];
      case 'ledger.expense.proposed':
        return [expKey(e.id)];
      case 'ledger.expense.approved':
      case 'ledger.expense.refused':
      case 'ledger.expense.assembly-linked':
        return [expKey(e.expenseId)];
      case 'ledger.expense.paid':
        return [expKey(e.expenseId)];
      case 'ledger.tier.set':
        return [tiersKey];
      case 'ledger.reversed':
        return [`e:${e.targetEventId}`];
      default:
        return exhaustive(e);
    }
  },
  refs(e) {
    switch (e.type) {
      case 'ledger.income.recorded':
        return [fundKey(e.fundId)];
      case 'ledger.expense.proposed':
        return [fundKey(e.fundId), ...(e.requestId ? [`req:${e.requestId}`] : [])];
      case 'ledger.expense.assembly-linked':
        return [`mtg:${e.meetingId}`];
      default:
        return [];
    }
  },
  creates: (e) =>
    e.type === 'ledger.fund.opened'
      ? fundKey(e.id)
      : e.type === 'ledger.income.recorded'
        ? incKey(e.id)
        : e.type === 'ledger.expense.proposed'
          ? expKey(e.id)
          : e.type === 'ledger.tier.set'
            ? tiersKey
            : undefined,
  apply(ctx, e) {
    const act: LedgerAct = { eventId: e.id, at: e.at, by: e.by };
    const { id: eventId, at, by } = e;
    switch (e.type) {
      case 'ledger.fund.opened':
        ctx.put(fundKey(e.id), { id: e.id, name: e.name, kind: e.kind, openedAt: e.at } satisfies FundDraft);
        return undefined;
      case 'ledger.income.recorded':
        if (!ctx.existed(fundKey(e.fundId))) return { code: 'no_such', thing: 'fund' };
        ctx.put(incKey(e.id), {
          eventId,
          at,
          by,
          id: e.id,
          fundId: e.fundId,
          amount: e.amount,
          source: e.source,
          payer: e.payer,
          day: e.day,
          receipts: e.receipts,
          note: e.note ?? null,
          reversal: null,
        } satisfies IncomeState);
        return undefined;
      case 'ledger.expense.proposed':
        if (!ctx.existed(fundKey(e.fundId))) return { code: 'no_such', thing: 'fund' };
        if (e.requestId !== undefined && !ctx.existed(`req:${e.requestId}`))
          return { code: 'no_such', thing: 'request' };
        ctx.put(expKey(e.id), {
          eventId,
          at,
          by,
          id: e.id,
          fundId: e.fundId,
          amount: e.amount,
          payee: e.payee,
          purpose: e.purpose,
          requestId: e.requestId ?? null,
          quotes: e.quotes,
          assembly: [],
          status: 'proposed',
          signatures: [],
          approvals: {},
          refusal: null,
          payments: [],
          payment: null,
          reversal: null,
        } satisfies ExpenseState);
        return undefined;
      case 'ledger.expense.approved':
      case 'ledger.expense.refused':
      case 'ledger.expense.paid': {
        const x = ctx.get<ExpenseState>(expKey(e.expenseId));
        if (!x) return { code: 'no_such', thing: 'expense' };
        return e.type === 'ledger.expense.paid' ? pay(x, act, e) : expenseStep(x, act, e);
      }
      case 'ledger.expense.assembly-linked':
        return linkAssembly(ctx, act, e);
      case 'ledger.tier.set': {
        const tier: TierState = { ...act, limitFen: e.limitFen, from: e.from };
        const tiers = ctx.get<TiersDraft>(tiersKey);
        if (tiers) insertTier(tiers.list, tier);
        else ctx.put(tiersKey, { list: [tier] } satisfies TiersDraft);
        return undefined;
      }
      case 'ledger.reversed':
        return reverse(ctx, act, e);
      default:
        return exhaustive(e);
    }
  },
};

/** Links an owners' assembly decision to an expense; the meeting must be an owners' assembly. */
function linkAssembly(
  ctx: FoldContext,
  act: LedgerAct,
  e: EventOf<'ledger.expense.assembly-linked'>,
): AnomalyReason | undefined {
  const x = ctx.get<ExpenseState>(expKey(e.expenseId));
  if (!x) return { code: 'no_such', thing: 'expense' };
  const meeting = ctx.existed(`mtg:${e.meetingId}`) ? ctx.peek<MeetingState>(`mtg:${e.meetingId}`) : undefined;
  if (!meeting) return { code: 'no_such', thing: 'meeting' };
  if (meeting.kind !== 'owners-assembly') return { code: 'not_assembly' };
  // Kept whatever the expense's status: a link made offline beside a refusal or a payment is what a
  // payer who had not seen the refusal may have rested on, and one linked after a payment ratifies it.
  const link: AssemblyLink = {
    ...act,
    meetingId: e.meetingId,
    decisionId: e.decisionId,
    tally: e.assembly,
    passed: assemblyOutcome(e.assembly).passed,
  };
  x.assembly = [...x.assembly, link].sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1));
  return undefined;
}

/**
 * A reversal of an income or of one payment record. Two committee members may reverse one entry
 * offline at once: the earliest by (at, id) stands wherever Yjs placed them, and none is flagged;
 * one whose author held a reversal of the entry never reaches the log (`reversalRefusal.ts`).
 */
function reverse(ctx: FoldContext, act: LedgerAct, e: EventOf<'ledger.reversed'>): AnomalyReason | undefined {
  const lost = ctx.ignored(e.targetEventId)?.event?.type;
  if (lost === 'ledger.income.recorded' || lost === 'ledger.expense.paid') return { code: 'target_ignored' };
  const target = ctx.target(e.targetEventId)?.event;
  const reversal: Reversal = { ...act, reason: e.reason };
  const stands = (held: Reversal | null) => !held || earlier(act, held);
  if (target?.type === 'ledger.income.recorded') {
    const income = ctx.get<IncomeState>(incKey(target.id));
    if (!income) return { code: 'no_such', thing: 'target' };
    if (stands(income.reversal)) income.reversal = reversal;
    return undefined;
  }
  if (target?.type === 'ledger.expense.paid') {
    const x = ctx.get<ExpenseState>(expKey(target.expenseId));
    const i = x ? x.payments.findIndex((p) => p.eventId === target.id) : -1;
    const paid = x?.payments[i];
    if (!x || !paid) return { code: 'no_such', thing: 'target' };
    if (stands(paid.reversal)) x.payments = x.payments.with(i, { ...paid, reversal });
    settle(x);
    return undefined;
  }
  return { code: 'no_such', thing: 'target' };
}

const month = (day: string) => `month:${day.slice(0, 7)}`;

/** An income adds to its fund's balance and its month; its reversal takes both back in its own month. */
export function incomeContributions(x: IncomeState): Contribution[] {
  const out: Contribution[] = [
    ['balance', x.fundId, x.amount],
    [month(x.day), `in:${x.source}`, x.amount],
  ];
  if (x.reversal)
    out.push(['balance', x.fundId, -x.amount], [month(shanghaiDay(x.reversal.at)), `in:${x.source}`, -x.amount]);
  return out;
}

/** A paid expense takes from its fund and counts in its month; a reversed payment gives it back. */
export function expenseContributions(x: ExpenseState): Contribution[] {
  if (!x.payment) return [];
  const out: Contribution[] = [
    ['balance', x.fundId, -x.amount],
    [month(x.payment.day), 'out', x.amount],
  ];
  if (x.reversal) out.push(['balance', x.fundId, x.amount], [month(shanghaiDay(x.reversal.at)), 'out', -x.amount]);
  return out;
}

/** Rebuilds one month's totals from its aggregate fields (`in:<source>`, `out`). */
export function monthTotals(fields: Map<string, number>): MonthTotals {
  const totals: MonthTotals = { income: {}, expense: 0 };
  for (const [field, sum] of fields) {
    if (field === 'out') totals.expense = sum;
    else totals.income[field.slice(3) as IncomeSource] = sum;
  }
  return totals;
}
