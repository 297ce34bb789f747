import type { ExpenseStatus } from '../../../shared/folds/index.ts';
import { maskName } from '../../../shared/folds/ledgerQueries.ts';
import type { YuanProblem } from '../../../shared/money.ts';
import { isCommittee, type Member, type Party } from '../../../shared/roles.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

export const partyLabel = (party: Party) => t(`party.${party}` as MessageKey);
export const statusLabel = (status: ExpenseStatus) => t(`ledger.status.${status}` as MessageKey);
export const amountProblem = (problem: YuanProblem) => t(`money.${problem}` as MessageKey);

/** A payee or payer as this viewer may see it: in full for the committee, a private person masked for residents. */
export function shownName(name: string, viewer: Member): string {
  return isCommittee(viewer) ? name : maskName(name);
}
