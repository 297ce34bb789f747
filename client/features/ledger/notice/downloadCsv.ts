import { toCsv } from '../../../../shared/csvWrite.ts';
import { ledgerCsvRows } from '../../../../shared/ledgerCsv.ts';
import type { LedgerNotice } from '../../../../shared/ledgerNotice.ts';
import { csvFileName, csvWords } from './noticeText.ts';

/** Saves a notice's period as a CSV file through the browser's download. */
export function downloadCsv(notice: LedgerNotice, nameOf: (id: string) => string): void {
  const text = toCsv(ledgerCsvRows(notice, csvWords(nameOf)));
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(notice);
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns; the next task can let the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
