/**
 * Parses CSV text (RFC 4180): fields separated by commas, quoted with `"` when they hold commas,
 * quotes (doubled) or line breaks; CRLF or LF line ends; a leading byte-order mark is dropped.
 * Blank lines are skipped. Returns rows of fields, or undefined if a quote is left open.
 */
export function parseCsv(text: string): string[][] | undefined {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      endRow();
      i++;
    } else if (c === '\n' || c === '\r') endRow();
    else field += c;
    i++;
  }
  if (quoted) return undefined;
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
