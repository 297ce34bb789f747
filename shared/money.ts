import * as v from 'valibot';

/** Money is integer fen (1 yuan = 100 fen), never a float. */
export const Fen = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000_000_000));
export type Fen = number;

/** A positive amount, as every income or expense must be. */
export const PositiveFen = v.pipe(Fen, v.minValue(1));

/** Parses what a person typed ("12", "12.5", "1,234.56", "￥30000") to fen; undefined if it is not money. */
export function parseYuan(text: string): Fen | undefined {
  const cleaned = text.replace(/[,，\s¥￥元]/g, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return undefined;
  const yuan = Number(m[1]);
  const fen = Number((m[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + fen;
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
