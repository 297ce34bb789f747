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

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿'] as const;

/** Up to four digits in capitals, without the zeros in front: 2860 -> 贰仟捌佰陆拾, 1010 -> 壹仟零壹拾. */
function groupInCapitals(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += `${CAPITAL_DIGITS[d]}${PLACES[place] ?? ''}`;
  }
  return out;
}

/**
 * Fen as the capitals written on Chinese cheques and vouchers (大写金额): 8,600,000 fen ->
 * 捌万陆仟元整, 1,286,050 -> 壹万贰仟捌佰陆拾元伍角整, 10,000,500 -> 壹拾万零伍元整, 5 -> 伍分.
 * A form shows it under a typed amount, so 8600 and 86000 cannot be mistaken for each other.
 * Zeros inside a number are read once (零); where the rules for filling in vouchers let a 零 be
 * written or left out (zeros at the end of the 万 group before a thousand, a zero 元 before a 角),
 * it is left out. A 角 or 元 amount ends in 整, a 分 amount does not.
 * Amounts up to MAX_FEN (10 亿 yuan); a negative amount is not written in capitals.
 */
export function fenInCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > MAX_FEN) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = '';
  if (yuan > 0) {
    let zeroPending = false;
    for (let g = 2; g >= 0; g--) {
      const group = Math.floor(yuan / 10_000 ** g) % 10_000;
      if (group === 0) {
        if (out !== '') zeroPending = true;
        continue;
      }
      if (out !== '' && (zeroPending || group < 1000)) out += '零';
      zeroPending = false;
      out += `${groupInCapitals(group)}${GROUPS[g] ?? ''}`;
    }
    out += '元';
  }
  if (jiao === 0 && cents === 0) return yuan === 0 ? '零元整' : `${out}整`;
  if (jiao > 0) out += `${CAPITAL_DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  return cents > 0 ? `${out}${CAPITAL_DIGITS[cents]}分` : `${out}整`;
}
