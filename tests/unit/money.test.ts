import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  Fen,
  fenInCapitals,
  fenToYuanString,
  formatFen,
  MAX_FEN,
  PositiveFen,
  parseYuan,
  readAmount,
  readYuan,
} from '../../shared/money.ts';

describe('parsing what a person typed into fen', () => {
  it('reads whole yuan, one or two decimals, and exact fen', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan('12.05')).toBe(1205);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('0')).toBe(0);
  });

  it('ignores thousands separators, spaces, the yuan sign and 元, in both widths', () => {
    expect(parseYuan('1,234.56')).toBe(123456);
    expect(parseYuan('1，000')).toBe(100000);
    expect(parseYuan(' 1 234.5 ')).toBe(123450);
    expect(parseYuan('¥30000')).toBe(3000000);
    expect(parseYuan('￥30000')).toBe(3000000);
    expect(parseYuan('12元')).toBe(1200);
  });

  it('refuses what it would otherwise read as another amount: 元 inside, a comma for the point, loose groups', () => {
    for (const text of ['12元5', '12,5', '12，5', '1,0,0', '12 5', '1,23.5', '¥', '元', '5¥', '元5', '12。5']) {
      expect(readYuan(text), text).toEqual({ problem: 'not_money' });
    }
    expect(readYuan('１２．５')).toEqual({ fen: 1250 });
    expect(readYuan('¥ 1,200 元')).toEqual({ fen: 120000 });
  });

  it('refuses negatives, a third decimal, a bare point, letters and empty text', () => {
    for (const text of ['-5', '-0.01', '12.345', '12.', '.5', '1e3', 'abc', '', '   ', '12.5.1']) {
      expect(parseYuan(text), text).toBeUndefined();
    }
  });

  it('reads twelve digits of yuan exactly and refuses a thirteenth', () => {
    expect(parseYuan('999999999999.99')).toBe(99_999_999_999_999);
    expect(Number.isSafeInteger(parseYuan('999999999999.99'))).toBe(true);
    expect(parseYuan('1000000000000')).toBeUndefined();
  });
});

describe('fen as yuan text', () => {
  it('writes a plain decimal with exactly two places, for inputs and exports', () => {
    expect(fenToYuanString(0)).toBe('0.00');
    expect(fenToYuanString(5)).toBe('0.05');
    expect(fenToYuanString(123450)).toBe('1234.50');
    expect(fenToYuanString(-150)).toBe('-1.50');
    expect(fenToYuanString(100_000_000_000)).toBe('1000000000.00');
  });

  it('parses back to the same fen it was written from', () => {
    for (const fen of [0, 1, 9, 10, 99, 100, 101, 123456, 99_999_999_999_999]) {
      expect(parseYuan(fenToYuanString(fen))).toBe(fen);
    }
  });

  it('formats for people with the yuan sign, grouping and the minus sign in front', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(100_000_000_000)).toBe('¥1,000,000,000.00');
    expect(formatFen(123456, 'en')).toBe('¥1,234.56');
  });
});

describe('the Fen schema', () => {
  it('takes whole non-negative fen up to a hundred billion', () => {
    expect(v.is(Fen, 0)).toBe(true);
    expect(v.is(Fen, 100_000_000_000)).toBe(true);
    expect(v.is(Fen, 100_000_000_001)).toBe(false);
  });

  it('refuses floats, negatives, strings and NaN, and a positive amount refuses zero', () => {
    for (const x of [12.5, -1, '100', Number.NaN, Number.POSITIVE_INFINITY])
      expect(v.is(Fen, x), String(x)).toBe(false);
    expect(v.is(PositiveFen, 0)).toBe(false);
    expect(v.is(PositiveFen, 1)).toBe(true);
  });
});

describe('reading an amount a person typed, with the problem to tell them', () => {
  it('reads 12.30, 12.3 and ¥1,200 (and full-width digits) as fen', () => {
    expect(readAmount('12.30')).toEqual({ fen: 1230 });
    expect(readAmount('12.3')).toEqual({ fen: 1230 });
    expect(readAmount('¥1,200')).toEqual({ fen: 120000 });
    expect(readAmount('１２．５')).toEqual({ fen: 1250 });
    expect(readAmount('300 元')).toEqual({ fen: 30000 });
  });

  it('refuses a third decimal as its own problem instead of rounding it', () => {
    expect(readAmount('1.005')).toEqual({ problem: 'decimals' });
    expect(readYuan('0.001')).toEqual({ problem: 'decimals' });
    expect(parseYuan('1.005')).toBeUndefined();
  });

  it('names empty text, text that is not money, zero and an amount past what an event holds', () => {
    expect(readAmount('  ')).toEqual({ problem: 'empty' });
    expect(readAmount('十二块')).toEqual({ problem: 'not_money' });
    expect(readAmount('-5')).toEqual({ problem: 'not_money' });
    expect(readAmount('12.')).toEqual({ problem: 'not_money' });
    expect(readAmount('0.00')).toEqual({ problem: 'zero' });
    expect(readYuan('0')).toEqual({ fen: 0 });
    expect(readAmount(fenToYuanString(MAX_FEN))).toEqual({ fen: MAX_FEN });
    expect(readAmount('1000000000.01')).toEqual({ problem: 'too_large' });
    expect(readYuan('1000000000000')).toEqual({ problem: 'too_large' });
  });
});

describe('fenInCapitals', () => {
  it('writes amounts as on a cheque, with each zero run read once', () => {
    const cases: [number, string][] = [
      [8_600_000, '捌万陆仟元整'],
      [860_000, '捌仟陆佰元整'],
      [1_286_050, '壹万贰仟捌佰陆拾元伍角整'],
      [10_000_500, '壹拾万零伍元整'],
      [100_000_000, '壹佰万元整'],
      [10_000_000_500, '壹亿零伍元整'],
      [101_000, '壹仟零壹拾元整'],
      [100_100_000, '壹佰万壹仟元整'],
      [105, '壹元零伍分'],
      [123, '壹元贰角叁分'],
      [50, '伍角整'],
      [5, '伍分'],
      [0, '零元整'],
      [MAX_FEN, '壹拾亿元整'],
    ];
    for (const [fen, words] of cases) expect([fen, fenInCapitals(fen)]).toEqual([fen, words]);
  });

  it('refuses what is not an amount in fen', () => {
    for (const bad of [-1, 1.5, MAX_FEN + 1, Number.NaN]) expect(() => fenInCapitals(bad)).toThrow(RangeError);
  });
});
