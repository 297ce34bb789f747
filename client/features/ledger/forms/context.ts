import type { ExpenseState, FundState, LedgerState, RequestState } from '../../../../shared/folds/index.ts';
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

/** The sheet the URL names, if it still makes sense (a payment's expense must be in the ledger). */
export function sheetFromUrl(sheet: unknown, of: unknown, ledger: LedgerState): LedgerSheet | undefined {
  const ref = typeof of === 'string' && of !== '' ? of : undefined;
  if (sheet === 'income' || sheet === 'expense') return ref ? { id: sheet, fundId: ref } : { id: sheet };
  const expense = sheet === 'pay' && ref && Object.hasOwn(ledger.expenses, ref) ? ledger.expenses[ref] : undefined;
  return expense ? { id: 'pay', expense } : undefined;
}
export type SheetOf<K extends SheetId> = Extract<LedgerSheet, { id: K }>;
