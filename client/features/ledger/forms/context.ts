import type { ExpenseState, FundState, RequestState } from '../../../../shared/folds/index.ts';
import type { CompoundSession } from '../../../domain/session.ts';

/** What every ledger form needs: who writes, the funds and requests to choose from, and how to close. */
export interface LedgerFormContext {
  session: CompoundSession;
  funds: readonly FundState[];
  /** Requests an expense may carry out, newest first. */
  requests: readonly RequestState[];
  /** Today (Asia/Shanghai) by the app's clock, "YYYY-MM-DD". */
  today: string;
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
export type SheetOf<K extends SheetId> = Extract<LedgerSheet, { id: K }>;
