import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { csvCell, toCsv } from '../../shared/csvWrite.ts';

describe('writing CSV', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    const text = toCsv([
      ['日期', '金额'],
      ['2024-07-02', '1234.50'],
    ]);
    expect(text).toBe('\uFEFF日期,金额\r\n2024-07-02,1234.50\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('两行\r\n文字')).toBe('"两行\r\n文字"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('neutralises a cell that starts like a formula, so =HYPERLINK(...) arrives as text', () => {
    expect(csvCell('=HYPERLINK("http://x.example","点我")')).toBe('"\'=HYPERLINK(""http://x.example"",""点我"")"');
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}cmd`).startsWith(`'`) || csvCell(`${start}cmd`).startsWith(`"'`)).toBe(true);
    expect(csvCell('-cmd|calc')).toBe("'-cmd|calc");
    expect(csvCell('+86 138')).toBe("'+86 138");
  });

  it('leaves a plain number, negative ones included, as a number', () => {
    expect(csvCell('-12.30')).toBe('-12.30');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('1200')).toBe('1200');
    expect(csvCell('-12.30元')).toBe("'-12.30元");
  });

  it('reads back with the CSV reader as the same rows, the neutralising apostrophe kept', () => {
    const rows = [
      ['收款方', '金额', '说明'],
      ['=HYPERLINK("http://x.example","点我")', '-12860.50', '含,逗号'],
      ['王*', '500.00', '两行\n说明'],
      ['@SUM(A1)', '0.01', '引号"在中间'],
    ];
    const back = parseCsv(toCsv(rows));
    expect(back).toEqual(
      rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c) ? `'${c}` : c))),
    );
  });
});
