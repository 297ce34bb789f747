import type { ExpenseStatus } from '../../../shared/folds/index.ts';
import { type ExpenseConflict, maskName } from '../../../shared/folds/ledgerQueries.ts';
import type { YuanProblem } from '../../../shared/money.ts';
import { formatFen } from '../../../shared/money.ts';
import { isCommittee, type Member, type Party } from '../../../shared/roles.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';

export const partyLabel = (party: Party) => t(`party.${party}` as MessageKey);
export const statusLabel = (status: ExpenseStatus) => t(`ledger.status.${status}` as MessageKey);
export const amountProblem = (problem: YuanProblem) => t(`money.${problem}` as MessageKey);

/** A payee or payer as this viewer may see it: in full for the committee, a private person masked for residents. */
export function shownName(name: string, viewer: Member): string {
  return isCommittee(viewer) ? name : maskName(name);
}

/** A conflict in words: two phones offline at the same time, never an error of the reader's. */
export function conflictText(c: ExpenseConflict): string {
  switch (c.code) {
    case 'approved_and_refused':
    case 'paid_despite_refusal':
      return t(`ledger.conflict.${c.code}`, { party: partyLabel(c.party) });
    case 'paid_over_limit':
      return t('ledger.conflict.paid_over_limit', { limit: formatFen(c.limitFen, intlLocale()) });
    case 'paid_twice':
      return t('ledger.conflict.paid_twice', { n: c.times });
  }
}
