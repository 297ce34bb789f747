import { isOpeningPayer } from '../../shared/folds/ledgerQueries.ts';
import { t } from './index.ts';

/**
 * An income's payer in the reader's language where the app wrote the word itself (期初余额 of an
 * opening balance); anyone else's name as stored. The stored event is never rewritten.
 */
export function payerWords(income: { source: string }, payer: string): string {
  return isOpeningPayer(income, payer) ? t('ledger.openingPayer') : payer;
}
