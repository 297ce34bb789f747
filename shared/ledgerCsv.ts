import type { LedgerNotice, NoticeExpense, NoticeIncome, NoticeLine } from './ledgerNotice.ts';
import { fenToYuanString } from './money.ts';

/** Words a CSV needs from the catalogs: column heads and labels; the caller passes them in its language. */
export interface LedgerCsvWords {
  head: readonly string[];
  kind: (line: NoticeLine) => string;
  label: (line: NoticeLine) => string;
  /** The payer or payee as written in the notice (masked), or in the reader's words where the app wrote it. */
  who: (line: NoticeIncome | NoticeExpense) => string;
  approvals: (line: NoticeLine) => string;
  reversal: (line: NoticeLine) => string;
  opening: string;
  closing: string;
}

/**
 * A notice's lines as CSV rows: per fund its opening balance, each income, payment and reversal
 * with day, kind, source or purpose, masked payer or payee, signed amount in yuan, approvals and
 * reversal note, then the closing balance.
 */
export function ledgerCsvRows(notice: LedgerNotice, words: LedgerCsvWords): string[][] {
  const rows: string[][] = [[...words.head]];
  for (const f of notice.funds) {
    rows.push([f.fund.name, notice.period.startDay, words.opening, '', '', fenToYuanString(f.opening), '', '']);
    for (const line of f.lines) {
      const amount = line.kind === 'expense' ? -line.amount : line.amount;
      const who = line.kind === 'reversal' ? '' : words.who(line);
      rows.push([
        f.fund.name,
        line.day,
        words.kind(line),
        words.label(line),
        who,
        fenToYuanString(amount),
        words.approvals(line),
        words.reversal(line),
      ]);
    }
    rows.push([f.fund.name, notice.period.endDay, words.closing, '', '', fenToYuanString(f.closing), '', '']);
  }
  return rows;
}
