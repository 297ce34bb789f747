import type { LedgerCsvWords } from '../../../../shared/ledgerCsv.ts';
import type { LedgerNotice, NoticeExpense, NoticeIncome, NoticeLine } from '../../../../shared/ledgerNotice.ts';
import { formatDate } from '../../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { payerWords } from '../../../i18n/payerWords.ts';
import { conflictText, partyLabel } from '../ledgerText.ts';

const sourceLabel = (source: string) => t(`ledger.source.${source}` as MessageKey);
const kindLabel = (kind: NoticeLine['kind'] | 'income' | 'expense') => t(`notice.kind.${kind}` as MessageKey);

/** What a line is about: the income's source or the expense's purpose (for a reversal, its target's). */
export function lineLabel(line: NoticeLine): string {
  if (line.kind === 'income') return sourceLabel(line.source);
  if (line.kind === 'expense') return line.purpose;
  return line.target === 'income' ? sourceLabel(line.label) : line.label;
}

/** The payer or payee as the notice shows it (masked), an opening balance in the reader's words. */
export const whoText = (line: NoticeIncome | NoticeExpense) =>
  line.kind === 'income' ? payerWords(line, line.who) : line.who;

/** Between items of one cell (approvals, conflicts): full-width in Chinese, "; " in English. */
const separator = () => t('notice.separator');

/** The three approvals of a payment in words: party, name, date. */
export function approvalsText(line: NoticeLine, nameOf: (id: string) => string): string {
  if (line.kind !== 'expense') return '';
  return line.approvals
    .map((a) =>
      t('notice.approval', { party: partyLabel(a.party), name: nameOf(a.by), date: formatDate(a.at, intlLocale()) }),
    )
    .join(separator());
}

/** What was done offline beside a payment (a refusal, a limit), in words; empty when nothing. */
export function conflictsText(line: NoticeLine): string {
  return line.kind === 'expense' ? line.conflicts.map(conflictText).join(separator()) : '';
}

/** A reversal in words, beside its entry or on its own line. */
export function reversalText(line: NoticeLine, nameOf: (id: string) => string): string {
  const r = line.reversal;
  if (!r) return '';
  if (line.kind === 'reversal')
    return t('notice.lateReversal', {
      day: line.targetDay,
      kind: kindLabel(line.target),
      label: lineLabel(line),
      reason: r.reason,
      name: nameOf(r.by),
    });
  return t('notice.reversedBeside', { date: formatDate(r.at, intlLocale()), name: nameOf(r.by), reason: r.reason });
}

/** The CSV's words in the app's language. */
export function csvWords(nameOf: (id: string) => string): LedgerCsvWords {
  return {
    head: (['fund', 'day', 'kind', 'what', 'who', 'amount', 'approvals', 'reversal'] as const).map((k) =>
      t(`notice.csv.${k}`),
    ),
    kind: (line) => kindLabel(line.kind),
    label: lineLabel,
    who: whoText,
    approvals: (line) => [approvalsText(line, nameOf), conflictsText(line)].filter((x) => x).join(separator()),
    reversal: (line) => reversalText(line, nameOf),
    opening: t('notice.opening'),
    closing: t('notice.closing'),
  };
}

/** The file name a period's CSV downloads as. */
export const csvFileName = (notice: LedgerNotice) => t('notice.csvFile', { period: notice.period.id });
