import { describe, expect, it } from 'vitest';
import { formatArea, parseArea } from '../../shared/area.ts';
import { parseCsv } from '../../shared/csv.ts';

describe('reading CSV', () => {
  it('splits lines and fields', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"3号楼, 东","说 ""你好""","第一行\r\n第二行"\r\nx,y,z')).toEqual([
      ['3号楼, 东', '说 "你好"', '第一行\r\n第二行'],
      ['x', 'y', 'z'],
    ]);
  });

  it('drops a byte-order mark, reads CRLF and lone CR line ends, and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv(',a,\n')).toEqual([['', 'a', '']]);
  });

  it('reads a last line without a line end, and nothing from empty text', () => {
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses a quote left open', () => {
    expect(parseCsv('a,"b\nc')).toBeUndefined();
  });
});

describe('exclusive area in hundredths of m²', () => {
  it('reads whole m², one or two decimals, and a unit after the number', () => {
    expect(parseArea('85')).toBe(8500);
    expect(parseArea('85.5')).toBe(8550);
    expect(parseArea('85.05')).toBe(8505);
    expect(parseArea(' 120.25㎡')).toBe(12025);
    expect(parseArea('99平方米')).toBe(9900);
  });

  it('refuses a third decimal, zero, negatives, letters and empty text', () => {
    for (const text of ['85.555', '0', '0.00', '-85', '85.', '.5', 'abc', '', '1e3', '8,550']) {
      expect(parseArea(text), text).toBeUndefined();
    }
  });

  it('writes hundredths back as m² with two decimals', () => {
    expect(formatArea(8550)).toBe('85.50');
    expect(formatArea(5)).toBe('0.05');
    expect(formatArea(12_000)).toBe('120.00');
  });
});
