import { type Party, parties } from '../roles.ts';
import { shanghaiDay } from '../time.ts';
import type { ExpenseState, FundState, IncomeState, LedgerState, PaymentState } from './ledger.ts';
import { limitOn, type TierState, unmetLimit } from './ledgerTiers.ts';

/**
 * What an expense waits on a party for: its signature, the payment to make and record, or (above
 * the amount limit) an owners' assembly decision that passed, to be linked before it can be paid.
 */
export type LedgerTodoKind = 'approve' | 'pay' | 'assembly';

/** One ledger item waiting on a party. */
export interface LedgerTodo {
  kind: LedgerTodoKind;
  expense: ExpenseState;
}

/**
 * A party's box on an expense: its approval, its refusal, waiting for its signature, or no longer
 * asked for one (the proposal was refused, or settled without it).
 */
export type SignatureMark = 'approved' | 'refused' | 'waiting' | 'not_needed';

/** A party that refused shows as refused even beside an approval of its own made at the same time. */
export function signatureMark(x: ExpenseState, party: Party): SignatureMark {
  if (x.refusal?.party === party) return 'refused';
  if (x.approvals[party]) return 'approved';
  return x.status === 'proposed' ? 'waiting' : 'not_needed';
}

/** The party a member acts for, when the members log knows them. */
export type PartyOf = (memberId: string) => Party | undefined;

/**
 * Who an expense waits on: a proposal on every party that has not signed it; an approved one on
 * the proposer's party, which carries it out and records the payment (on all three when the
 * proposer's party is unknown). Nothing once it is refused, paid or reversed.
 */
export function expenseTurns(x: ExpenseState, partyOf: PartyOf): Party[] {
  switch (x.status) {
    case 'proposed':
      return parties.filter((p) => !x.approvals[p]);
    case 'approved': {
      const proposer = partyOf(x.by);
      return proposer ? [proposer] : [...parties];
    }
    case 'refused':
    case 'paid':
    case 'reversed':
      return [];
  }
}

function todoKind(ledger: LedgerState, x: ExpenseState): LedgerTodoKind {
  if (x.status !== 'approved') return 'approve';
  return needsAssembly(ledger, x) ? 'assembly' : 'pay';
}

/** What waits on `party` in the ledger, the longest-waiting first (ties by id, alike on every phone). */
export function ledgerTodos(ledger: LedgerState, party: Party, partyOf: PartyOf): LedgerTodo[] {
  return Object.values(ledger.expenses)
    .filter((x) => expenseTurns(x, partyOf).includes(party))
    .sort(byTimeThenId)
    .map((expense) => ({ kind: todoKind(ledger, expense), expense }));
}

/** How many ledger items wait on each party. */
export function ledgerTurnCounts(ledger: LedgerState, partyOf: PartyOf): Record<Party, number> {
  const counts: Record<Party, number> = { community: 0, owners: 0, property: 0 };
  for (const x of Object.values(ledger.expenses)) for (const p of expenseTurns(x, partyOf)) counts[p] += 1;
  return counts;
}

/**
 * What two phones did to one expense offline at the same time, shown on it and never refused: one
 * member of a party approved while another refused; the payment was made while a refusal had not
 * reached the payer; it went over an amount limit the payer had not seen; or it was recorded as
 * paid on `times` phones, none holding the others' record. The money counts as paid in each case,
 * once: it left the account.
 */
export type ExpenseConflict =
  | { code: 'approved_and_refused'; party: Party }
  | { code: 'paid_despite_refusal'; party: Party }
  | { code: 'paid_over_limit'; limitFen: number }
  | { code: 'paid_twice'; times: number };

/**
 * The conflicts an expense holds, in a fixed order. A payment went over a limit when one was set
 * before it (by time, wherever Yjs placed the two) and no owners' assembly decision that passed is
 * linked to the expense, before or since. Payment records made at once show until all but one are
 * reversed.
 */
export function expenseConflicts(ledger: LedgerState, x: ExpenseState): ExpenseConflict[] {
  const out: ExpenseConflict[] = [];
  const refusal = x.refusal;
  if (refusal && x.approvals[refusal.party]) out.push({ code: 'approved_and_refused', party: refusal.party });
  const paid = x.payment;
  if (!paid) return out;
  if (refusal) out.push({ code: 'paid_despite_refusal', party: refusal.party });
  const over = unmetLimit(ledger.tiers, x, (t) => t.at < paid.at || (t.at === paid.at && t.eventId < paid.eventId));
  if (over) out.push({ code: 'paid_over_limit', limitFen: over.limitFen });
  const times = x.payments.filter((p) => !p.reversal).length;
  if (times > 1) out.push({ code: 'paid_twice', times });
  return out;
}

/** One line of a fund's history: money in, or an expense (proposed, signed, paid or reversed). */
export type LedgerEntry = IncomeState | ExpenseState;

/** True for money in; an expense has a status instead of a source. */
export const isIncome = (entry: LedgerEntry): entry is IncomeState => 'source' in entry;

export interface FundView {
  fund: FundState;
  /** Newest first by when each entry was written (ties by id); the fold's own objects, so views can key by them. */
  entries: LedgerEntry[];
}

function byTimeThenId(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every fund, oldest opened first, each with its entries newest first. */
export function fundViews(ledger: LedgerState): FundView[] {
  const byFund = new Map<string, LedgerEntry[]>();
  const add = (entry: LedgerEntry) => {
    const list = byFund.get(entry.fundId);
    if (list) list.push(entry);
    else byFund.set(entry.fundId, [entry]);
  };
  for (const income of Object.values(ledger.incomes)) add(income);
  for (const expense of Object.values(ledger.expenses)) add(expense);
  return Object.values(ledger.funds)
    .sort((a, b) => a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((fund) => ({ fund, entries: (byFund.get(fund.id) ?? []).sort((a, b) => byTimeThenId(b, a)) }));
}

/** The payer a fund's opening balance is written with, whatever the language of the phone that opens it. */
export const OPENING_PAYER = '期初余额';

/**
 * Whether an income's payer is the app's own word for an opening balance, not someone who paid:
 * 期初余额, or "Opening balance" as phones in English wrote it before. Shown in the reader's language.
 */
export function isOpeningPayer(income: { source: string }, payer: string): boolean {
  const p = payer.trim();
  return income.source === 'other' && (p === OPENING_PAYER || p === 'Opening balance');
}

const han = '\\p{Script=Han}';
const personName = new RegExp(`^(?:[${han}]{2,4}|[${han}]{1,8}·[${han}·]{1,12})$`, 'u');
/** Words of an organisation (a company, a shop, a department, a committee...) or of bookkeeping (期初余额). */
const notPersonWords =
  /公司|集团|中心|部|店|厂|局|所|站|队|处|室|馆|社|委员会|业委会|协会|商会|物业|银行|超市|市场|商场|学校|学院|医院|幼儿园|工作室|合作|有限|单位|政府|街道|社区|小区|村委|余额|结转|停车|广告|租金|捐款|集资|收益/u;

/**
 * True for a payee or payer that reads as a private person: two to four Chinese characters (or a
 * name with a middle dot, 买买提·艾力) with no word of an organisation or of bookkeeping in it.
 */
export function isPersonName(name: string): boolean {
  const n = name.trim();
  return personName.test(n) && !notPersonWords.test(n);
}

/** A private person's name as public views show it, e.g. 王小明 → 王*; an organisation's unchanged. */
export function maskName(name: string): string {
  const n = name.trim();
  return isPersonName(n) ? `${[...n][0]}*` : name;
}

/** The amount limit in force on an Asia/Shanghai day "YYYY-MM-DD", or null when none was set. */
export function limitInForce(ledger: LedgerState, day: string): TierState | null {
  return limitOn(ledger.tiers, day);
}

/** The limit an expense is held to: the one in force on the day it was proposed. */
export function expenseLimit(ledger: LedgerState, x: ExpenseState): TierState | null {
  return limitOn(ledger.tiers, shanghaiDay(x.at));
}

/** True if the expense is above its limit and no owners' assembly decision that passed is linked yet. */
export function needsAssembly(ledger: LedgerState, x: ExpenseState): boolean {
  return unmetLimit(ledger.tiers, x) !== null;
}

/** The income, or the payment with its expense, written as event `targetEventId`. */
export type ReversalTarget =
  | { kind: 'income'; income: IncomeState }
  | { kind: 'payment'; expense: ExpenseState; payment: PaymentState };

/** What a reversal of event `targetEventId` would take back, if the ledger holds it. */
export function reversalTarget(ledger: LedgerState, targetEventId: string): ReversalTarget | undefined {
  const income = ledger.incomes[targetEventId];
  if (income) return { kind: 'income', income };
  for (const expense of Object.values(ledger.expenses)) {
    const payment = expense.payments.find((p) => p.eventId === targetEventId);
    if (payment) return { kind: 'payment', expense, payment };
  }
  return undefined;
}

/** True if the income or payment record written as event `targetEventId` is reversed. */
export function isReversed(ledger: LedgerState, targetEventId: string): boolean {
  const target = reversalTarget(ledger, targetEventId);
  if (!target) return false;
  return (target.kind === 'income' ? target.income.reversal : target.payment.reversal) !== null;
}
