import * as v from 'valibot';

/** Times are ms since epoch; people see them in Asia/Shanghai. */
export const TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has no daylight saving time.

export const Timestamp = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(8_640_000_000_000));

/** The Asia/Shanghai calendar day of a time, as "YYYY-MM-DD". */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Start of the Asia/Shanghai day "YYYY-MM-DD" in ms since epoch. */
export function shanghaiDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS;
}

/** Whole Asia/Shanghai days from `from` to `to` (negative if `to` is earlier). */
/** The calendar day `n` days after `day` ("YYYY-MM-DD"; China keeps no daylight saving). */
export function addDays(day: string, n: number): string {
  return shanghaiDay(shanghaiDayStart(day) + n * 86_400_000 + 12 * 3_600_000);
}

export function daysBetween(fromMs: number, toMs: number): number {
  return Math.round((shanghaiDayStart(shanghaiDay(toMs)) - shanghaiDayStart(shanghaiDay(fromMs))) / 86_400_000);
}

/** A calendar day string "YYYY-MM-DD" that really exists. */
export const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar day',
  ),
);

// Building a formatter costs far more than formatting with one, and a list formats a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
const monthDays = new Map<string, Intl.DateTimeFormat>();

/** A time's day without its year, as a list row says it: 12月5日, 5 December (Asia/Shanghai). */
export function formatMonthDay(ms: number, locale = 'zh-CN'): string {
  let f = monthDays.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, month: 'long', day: 'numeric' });
    monthDays.set(locale, f);
  }
  return f.format(ms);
}

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(ms: number, locale = 'zh-CN'): string {
  return formatter(locale, true).format(ms);
}

export function formatDate(ms: number, locale = 'zh-CN'): string {
  return formatter(locale, false).format(ms);
}

/** A stored day "YYYY-MM-DD" in words, as `formatDate` shows a time on it (2026年12月19日, 19 Dec 2026). */
export function formatDay(day: string, locale = 'zh-CN'): string {
  return formatDate(shanghaiDayStart(day), locale);
}
