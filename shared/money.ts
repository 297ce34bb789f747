import * as v from 'valibot';

/** Money is integer fen (1 yuan = 100 fen), never a float. */
export const MAX_FEN = 100_000_000_000;
export const Fen = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_FEN));
export type Fen = number;

/** A positive amount, as every income or expense must be. */
export const PositiveFen = v.pipe(Fen, v.minValue(1));

/** Why typed text is not an amount: nothing typed, more than two decimals, too large, not a number, nothing. */
export const yuanProblems = ['empty', 'decimals', 'too_large', 'not_money', 'zero'] as const;
export type YuanProblem = (typeof yuanProblems)[number];

/** What a person typed, read as money: fen, or the problem to tell them about. */
export type YuanReading = { fen: Fen } | { problem: YuanProblem };

/**
 * Reads what a person typed ("12", "12.3", "1,234.56", "¥1,200", "30 元", full-width digits) as
 * fen; a third decimal ("1.005") is a problem of its own, since rounding it would change the
 * amount silently. A sign goes only in front and 元 only at the end, commas (or spaces) only
 * between groups of three: "12元5" (twelve and a half, said aloud), "12,5" (a comma for the point) and "1,0,0" are
 * not read as 125 or 100 yuan but told as not money.
 */
export function readYuan(text: string): YuanReading {
  const trimmed = text.normalize('NFKC').trim();
  const cleaned = trimmed.replace(/^¥\s*/, '').replace(/\s*元$/, '');
  if (cleaned === '') return { problem: trimmed === '' ? 'empty' : 'not_money' };
  const m = /^(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return { problem: 'not_money' };
  m[1] = m[1]!.replace(/[, ]/g, '');
  if ((m[2] ?? '').length > 2) return { problem: 'decimals' };
  if (m[1]!.length > 12) return { problem: 'too_large' };
  return { fen: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

/** An amount of income or spending as typed: money above zero that the events can hold. */
export function readAmount(text: string): YuanReading {
  const reading = readYuan(text);
  if ('problem' in reading) return reading;
  if (reading.fen === 0) return { problem: 'zero' };
  return reading.fen > MAX_FEN ? { problem: 'too_large' } : reading;
}

/** Parses what a person typed ("12", "12.5", "1,234.56", "￥30000") to fen; undefined if it is not money. */
export function parseYuan(text: string): Fen | undefined {
  const reading = readYuan(text);
  return 'fen' in reading ? reading.fen : undefined;
}

/** Fen to a plain decimal string of yuan, exact ("1234.50"), for inputs and exports. */
export function fenToYuanString(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen formatted as CNY for people, e.g. "¥1,234.50". */
export function formatFen(fen: Fen, locale = 'zh-CN'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.floor(abs / 100));
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
