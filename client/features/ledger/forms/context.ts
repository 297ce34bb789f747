import type { IncomeSource } from '../../../../shared/events/ledger.ts';
import type { ExpenseState, FundState, LedgerState, RequestState } from '../../../../shared/folds/index.ts';
import { isReversed, needsAssembly, reversalTarget } from '../../../../shared/folds/ledgerQueries.ts';
import { isCommittee, type Member } from '../../../../shared/roles.ts';
import { mayAppend } from '../../../../shared/rules/permissions.ts';
import type { CompoundSession } from '../../../domain/session.ts';

/** What every ledger form needs: who writes, the funds and requests to choose from, and how to close. */
export interface LedgerFormContext {
  session: CompoundSession;
  funds: readonly FundState[];
  /** Requests an expense may carry out, newest first. */
  requests: readonly RequestState[];
  /** Today (Asia/Shanghai) by the app's clock, "YYYY-MM-DD". */
  today: string;
  /** The open sheet's visit: its form's draft is kept under it (domain/formDraft.ts). */
  visit: string;
  done: () => void;
}

/** The sheet that is open, with what it acts on. */
export type LedgerSheet =
  | { id: 'fund' }
  | { id: 'tier' }
  | { id: 'link'; expense: ExpenseState }
  | { id: 'income'; fundId?: string; like?: { source: IncomeSource; payer: string } }
  | { id: 'expense'; fundId?: string }
  | { id: 'refuse'; expense: ExpenseState }
  | { id: 'pay'; expense: ExpenseState }
  | { id: 'reverse'; targetEventId: string; kind: 'income' | 'payment' };

export type SheetId = LedgerSheet['id'];

/** How the open sheet is named in the URL (`?sheet=&of=`), with what it acts on. */
export function sheetInUrl(sheet: LedgerSheet): { sheet: string; of?: string } {
  switch (sheet.id) {
    case 'fund':
    case 'tier':
      return { sheet: sheet.id };
    case 'income':
    case 'expense':
      return { sheet: sheet.id, of: sheet.fundId };
    case 'link':
    case 'refuse':
    case 'pay':
      return { sheet: sheet.id, of: sheet.expense.id };
    case 'reverse':
      return { sheet: 'reverse', of: sheet.targetEventId };
  }
}

/**
 * The sheet the URL names, if it still makes sense as the page's buttons would offer it to this
 * viewer: one who may write, a fund that is there; a refusal only of an expense still waiting on
 * the viewer's party, a link only of one waiting on an owners' assembly, a payment only of one
 * approved and not waiting; a reversal only of a record not reversed yet.
 */
export function sheetFromUrl(
  sheet: unknown,
  of: unknown,
  ledger: LedgerState,
  funds: readonly FundState[],
  viewer: Member,
): LedgerSheet | undefined {
  const ref = typeof of === 'string' && of !== '' ? of : undefined;
  const writes = mayAppend('ledger.income.recorded', viewer);
  if (sheet === 'fund') return writes ? { id: 'fund' } : undefined;
  if (sheet === 'tier') return mayAppend('ledger.tier.set', viewer) ? { id: 'tier' } : undefined;
  if (sheet === 'income' || sheet === 'expense') {
    if (!writes) return undefined;
    if (ref === undefined) return { id: sheet };
    return funds.some((f) => f.id === ref) ? { id: sheet, fundId: ref } : undefined;
  }
  if (sheet === 'reverse') {
    const target = ref === undefined ? undefined : reversalTarget(ledger, ref);
    if (!target || !ref || !mayAppend('ledger.reversed', viewer) || isReversed(ledger, ref)) return undefined;
    return { id: 'reverse', targetEventId: ref, kind: target.kind };
  }
  const expense = ref && Object.hasOwn(ledger.expenses, ref) ? ledger.expenses[ref] : undefined;
  if (!expense) return undefined;
  const waiting = (expense.status === 'proposed' || expense.status === 'approved') && needsAssembly(ledger, expense);
  if (sheet === 'refuse') {
    const party = viewer.party === 'none' ? undefined : viewer.party;
    const mine = party && isCommittee(viewer) && expense.status === 'proposed' && !expense.approvals[party];
    return mine ? { id: 'refuse', expense } : undefined;
  }
  if (sheet === 'link')
    return waiting && mayAppend('ledger.expense.assembly-linked', viewer) ? { id: 'link', expense } : undefined;
  if (sheet === 'pay' && mayAppend('ledger.expense.paid', viewer) && expense.status === 'approved' && !waiting)
    return { id: 'pay', expense };
  return undefined;
}
export type SheetOf<K extends SheetId> = Extract<LedgerSheet, { id: K }>;
