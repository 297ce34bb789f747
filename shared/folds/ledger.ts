import type { EventOf } from '../events/index.ts';
import type { FundKind, IncomeSource, ledgerEvents } from '../events/ledger.ts';
import type { Party } from '../roles.ts';
import { parties } from '../roles.ts';
import { exhaustive } from '../rooms.ts';
import { shanghaiDay } from '../time.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Contribution, FoldContext, FoldModule } from './FoldContext.ts';

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

/** proposed → approved (all three parties) → paid → (reversed); or refused by any party. */
export type ExpenseStatus = 'proposed' | 'approved' | 'refused' | 'paid' | 'reversed';

export interface ExpenseState extends LedgerAct {
  id: string;
  fundId: string;
  amount: number;
  payee: string;
  purpose: string;
  requestId: string | null;
  quotes: string[];
  status: ExpenseStatus;
  approvals: Partial<Record<Party, LedgerAct & { note: string | null }>>;
  refusal: (LedgerAct & { party: Party; note: string | null }) | null;
  payment: (LedgerAct & { day: string; receipts: string[] }) | null;
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
        return [expKey(e.expenseId)];
      case 'ledger.expense.paid':
        return [expKey(e.expenseId)];
      case 'ledger.reversed':
        return [`e:${e.targetEventId}`];
      default:
        return exhaustive(e);
    }
  },
  refs: (e) =>
    e.type === 'ledger.income.recorded'
      ? [fundKey(e.fundId)]
      : e.type === 'ledger.expense.proposed'
        ? [fundKey(e.fundId), ...(e.requestId ? [`req:${e.requestId}`] : [])]
        : [],
  creates: (e) =>
    e.type === 'ledger.fund.opened'
      ? fundKey(e.id)
      : e.type === 'ledger.income.recorded'
        ? incKey(e.id)
        : e.type === 'ledger.expense.proposed'
          ? expKey(e.id)
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
          status: 'proposed',
          approvals: {},
          refusal: null,
          payment: null,
          reversal: null,
        } satisfies ExpenseState);
        return undefined;
      case 'ledger.expense.approved':
      case 'ledger.expense.refused':
      case 'ledger.expense.paid': {
        const x = ctx.get<ExpenseState>(expKey(e.expenseId));
        if (!x) return { code: 'no_such', thing: 'expense' };
        return expenseStep(x, act, e);
      }
      case 'ledger.reversed':
        return reverse(ctx, act, e);
      default:
        return exhaustive(e);
    }
  },
};

function expenseStep(
  x: ExpenseState,
  act: LedgerAct,
  e: EventOf<'ledger.expense.approved' | 'ledger.expense.refused' | 'ledger.expense.paid'>,
): AnomalyReason | undefined {
  if (e.type === 'ledger.expense.paid') {
    if (x.status !== 'approved')
      return x.status === 'proposed' ? { code: 'not_approved' } : { code: 'expense_status', status: x.status };
    x.status = 'paid';
    x.payment = { eventId: act.eventId, at: act.at, by: act.by, day: e.day, receipts: e.receipts };
    return undefined;
  }
  if (x.status !== 'proposed') return { code: 'expense_status', status: x.status };
  if (x.approvals[e.party]) return { code: 'already_approved', party: e.party };
  if (e.type === 'ledger.expense.refused') {
    x.status = 'refused';
    x.refusal = { eventId: act.eventId, at: act.at, by: act.by, party: e.party, note: e.note ?? null };
    return undefined;
  }
  x.approvals[e.party] = { eventId: act.eventId, at: act.at, by: act.by, note: e.note ?? null };
  if (parties.every((p) => x.approvals[p])) x.status = 'approved';
  return undefined;
}

function reverse(ctx: FoldContext, act: LedgerAct, e: EventOf<'ledger.reversed'>): AnomalyReason | undefined {
  const target = ctx.target(e.targetEventId)?.event;
  const reversal: Reversal = { ...act, reason: e.reason };
  if (target?.type === 'ledger.income.recorded') {
    const income = ctx.get<IncomeState>(incKey(target.id));
    if (!income || income.reversal) return { code: 'already_reversed' };
    income.reversal = reversal;
    return undefined;
  }
  if (target?.type === 'ledger.expense.paid') {
    const x = ctx.get<ExpenseState>(expKey(target.expenseId));
    if (x?.status !== 'paid') return { code: 'already_reversed' };
    x.status = 'reversed';
    x.reversal = reversal;
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
