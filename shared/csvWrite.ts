/** A plain decimal number, e.g. "-12.30" or "1200": left as is so spreadsheets read it as a number. */
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** What a spreadsheet would take as the start of a formula (or a DDE payload). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as RFC 4180 text: a cell that starts like a formula gets a leading apostrophe so it
 * arrives as text (a plain number such as "-12.30" stays a number); cells with a comma, a quote
 * or a line break are quoted, quotes doubled.
 */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as a CSV file's text: UTF-8 byte-order mark (Excel and WPS then read Chinese right), CRLF after every row. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
