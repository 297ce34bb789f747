import type { FundKind, IncomeSource } from './events/ledger.ts';
import type { ExpenseState, IncomeState, LedgerState, Reversal } from './folds/ledger.ts';
import { type ExpenseConflict, expenseConflicts, maskName } from './folds/ledgerQueries.ts';
import { inPeriod, type LedgerPeriod } from './ledgerPeriod.ts';
import { type Party, parties } from './roles.ts';
import { shanghaiDay } from './time.ts';

export interface NoticeApproval {
  party: Party;
  by: string;
  at: number;
}

/** A reversal as the notice shows it: only one made by the period's end. */
export type NoticeReversal = Pick<Reversal, 'eventId' | 'at' | 'by' | 'reason'>;

/** Money in on its day; payer masked when a private person. */
export interface NoticeIncome {
  kind: 'income';
  id: string;
  day: string;
  at: number;
  source: IncomeSource;
  who: string;
  amount: number;
  reversal: NoticeReversal | null;
}

/** A payment on its day, with the three approvals; payee masked when a private person. */
export interface NoticeExpense {
  kind: 'expense';
  id: string;
  day: string;
  at: number;
  purpose: string;
  who: string;
  amount: number;
  approvals: NoticeApproval[];
  /** What was done offline at the same time (a refusal beside the payment...): the paper shows it too. */
  conflicts: ExpenseConflict[];
  reversal: NoticeReversal | null;
}

/** A reversal in the period of an entry from an earlier period; `amount` is its effect on the fund (signed). */
export interface NoticeLateReversal {
  kind: 'reversal';
  id: string;
  day: string;
  at: number;
  target: 'income' | 'expense';
  targetDay: string;
  label: string;
  amount: number;
  reversal: NoticeReversal;
}

export type NoticeLine = NoticeIncome | NoticeExpense | NoticeLateReversal;

export interface FundNotice {
  fund: { id: string; name: string; kind: FundKind };
  opening: number;
  lines: NoticeLine[];
  /** Net income of the period by source and net spending by purpose, reversals counted; largest first. */
  bySource: [IncomeSource, number][];
  byPurpose: [string, number][];
  totalIn: number;
  totalOut: number;
  closing: number;
}

export interface LedgerNotice {
  period: LedgerPeriod;
  funds: FundNotice[];
  /** The amount up to which three approvals suffice, when the compound has set one. */
  tierLimit: number | null;
}

interface Effect {
  day: string;
  delta: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDayAtId = (a: NoticeLine, b: NoticeLine) => cmp(a.day, b.day) || a.at - b.at || cmp(a.id, b.id);
const shownReversal = (r: Reversal | null, endDay: string): NoticeReversal | null =>
  r && shanghaiDay(r.at) <= endDay ? { eventId: r.eventId, at: r.at, by: r.by, reason: r.reason } : null;

function add<K>(map: Map<K, number>, key: K, fen: number): void {
  map.set(key, (map.get(key) ?? 0) + fen);
}

const sorted = <K>(map: Map<K, number>): [K, number][] =>
  [...map].filter(([, fen]) => fen !== 0).sort((a, b) => b[1] - a[1] || cmp(String(a[0]), String(b[0])));

/** Each fund's lines and money effects, by fund id. */
class FundBook {
  readonly lines: NoticeLine[] = [];
  readonly effects: Effect[] = [];
  readonly bySource = new Map<IncomeSource, number>();
  readonly byPurpose = new Map<string, number>();
}

function incomeInto(book: FundBook, x: IncomeState, p: LedgerPeriod): void {
  book.effects.push({ day: x.day, delta: x.amount });
  const revDay = x.reversal ? shanghaiDay(x.reversal.at) : undefined;
  if (x.reversal && revDay) book.effects.push({ day: revDay, delta: -x.amount });
  if (inPeriod(x.day, p)) {
    add(book.bySource, x.source, x.amount);
    book.lines.push({
      kind: 'income',
      id: x.id,
      day: x.day,
      at: x.at,
      source: x.source,
      who: maskName(x.payer),
      amount: x.amount,
      reversal: shownReversal(x.reversal, p.endDay),
    });
  }
  if (x.reversal && revDay && inPeriod(revDay, p)) {
    add(book.bySource, x.source, -x.amount);
    if (x.day < p.startDay) book.lines.push(lateReversal(x.reversal, 'income', x.day, x.source, -x.amount));
  }
}

function expenseInto(book: FundBook, x: ExpenseState, p: LedgerPeriod, state: LedgerState): void {
  if (!x.payment) return;
  const day = x.payment.day;
  book.effects.push({ day, delta: -x.amount });
  const revDay = x.reversal ? shanghaiDay(x.reversal.at) : undefined;
  if (x.reversal && revDay) book.effects.push({ day: revDay, delta: x.amount });
  if (inPeriod(day, p)) {
    add(book.byPurpose, x.purpose, x.amount);
    book.lines.push({
      kind: 'expense',
      id: x.id,
      day,
      at: x.payment.at,
      purpose: x.purpose,
      who: maskName(x.payee),
      amount: x.amount,
      approvals: parties.flatMap((party) => {
        const a = x.approvals[party];
        return a ? [{ party, by: a.by, at: a.at }] : [];
      }),
      conflicts: expenseConflicts(state, x),
      reversal: shownReversal(x.reversal, p.endDay),
    });
  }
  if (x.reversal && revDay && inPeriod(revDay, p)) {
    add(book.byPurpose, x.purpose, -x.amount);
    if (day < p.startDay) book.lines.push(lateReversal(x.reversal, 'expense', day, x.purpose, x.amount));
  }
}

function lateReversal(
  r: Reversal,
  target: 'income' | 'expense',
  targetDay: string,
  label: string,
  amount: number,
): NoticeLateReversal {
  const reversal = { eventId: r.eventId, at: r.at, by: r.by, reason: r.reason };
  return {
    kind: 'reversal',
    id: r.eventId,
    day: shanghaiDay(r.at),
    at: r.at,
    target,
    targetDay,
    label,
    amount,
    reversal,
  };
}

/**
 * The public notice (公示) of one period: per fund opened by its end, the balance at its start,
 * every income and payment dated in it (reversals beside them, or on their own line when they
 * reverse an earlier period's entry), net totals by source and purpose, and the closing balance.
 * Money counts on its entered day; a reversal on the day it was recorded. Names of private
 * payers and payees are masked.
 */
export function ledgerNotice(state: LedgerState, period: LedgerPeriod, tierLimit: number | null = null): LedgerNotice {
  const books = new Map<string, FundBook>();
  const book = (fundId: string) => {
    let b = books.get(fundId);
    if (b) return b;
    b = new FundBook();
    books.set(fundId, b);
    return b;
  };
  for (const x of Object.values(state.incomes)) incomeInto(book(x.fundId), x, period);
  for (const x of Object.values(state.expenses)) expenseInto(book(x.fundId), x, period, state);
  const funds = Object.values(state.funds)
    .filter((f) => shanghaiDay(f.openedAt) <= period.endDay)
    .sort((a, b) => a.openedAt - b.openedAt || cmp(a.id, b.id))
    .map((f): FundNotice => {
      const b = books.get(f.id) ?? new FundBook();
      let opening = 0;
      let moved = 0;
      for (const e of b.effects) {
        if (e.day < period.startDay) opening += e.delta;
        else if (e.day <= period.endDay) moved += e.delta;
      }
      const bySource = sorted(b.bySource);
      const byPurpose = sorted(b.byPurpose);
      return {
        fund: { id: f.id, name: f.name, kind: f.kind },
        opening,
        lines: b.lines.sort(byDayAtId),
        bySource,
        byPurpose,
        totalIn: bySource.reduce((s, [, fen]) => s + fen, 0),
        totalOut: byPurpose.reduce((s, [, fen]) => s + fen, 0),
        closing: opening + moved,
      };
    });
  return { period, funds, tierLimit };
}
