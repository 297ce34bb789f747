import type { ExpenseState, FundState, LedgerState, RequestState } from '../../../../shared/folds/index.ts';
import { needsAssembly } from '../../../../shared/folds/ledgerQueries.ts';
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
  | { id: 'income'; fundId?: string }
  | { id: 'expense'; fundId?: string }
  | { id: 'refuse'; expense: ExpenseState }
  | { id: 'pay'; expense: ExpenseState }
  | { id: 'reverse'; targetEventId: string; kind: 'income' | 'payment' };

export type SheetId = LedgerSheet['id'];

/** How a sheet that takes photos is named in the URL (`?sheet=&of=`); the others are not. */
export function sheetInUrl(sheet: LedgerSheet): { sheet: string; of?: string } | undefined {
  if (sheet.id === 'income' || sheet.id === 'expense') return { sheet: sheet.id, of: sheet.fundId };
  if (sheet.id === 'pay') return { sheet: 'pay', of: sheet.expense.id };
  return undefined;
}

/**
 * The sheet the URL names, if it still makes sense as the page's buttons would offer it: a fund
 * that is there, a payment only of an expense approved and not waiting on an owners' assembly.
 */
export function sheetFromUrl(
  sheet: unknown,
  of: unknown,
  ledger: LedgerState,
  funds: readonly FundState[],
): LedgerSheet | undefined {
  const ref = typeof of === 'string' && of !== '' ? of : undefined;
  if (sheet === 'income' || sheet === 'expense') {
    if (ref === undefined) return { id: sheet };
    return funds.some((f) => f.id === ref) ? { id: sheet, fundId: ref } : undefined;
  }
  const expense = sheet === 'pay' && ref && Object.hasOwn(ledger.expenses, ref) ? ledger.expenses[ref] : undefined;
  if (expense?.status !== 'approved' || needsAssembly(ledger, expense)) return undefined;
  return { id: 'pay', expense };
}
export type SheetOf<K extends SheetId> = Extract<LedgerSheet, { id: K }>;
