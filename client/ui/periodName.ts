import type { LedgerPeriod } from '../../shared/ledgerPeriod.ts';
import { type MessageKey, t } from '../i18n/index.ts';

/** A ledger period in words: 2026年第3季度, 2026年9月, 2026年全年. */
export function periodName(p: LedgerPeriod): string {
  const year = p.id.slice(0, 4);
  const n = p.kind === 'quarter' ? Number(p.id.slice(6)) : Number(p.id.slice(5, 7));
  return t(`notice.periodName.${p.kind}` as MessageKey, { year, n });
}
