import { TIME_ZONE } from '../../shared/time.ts';
import { intlLocale } from '../i18n/index.ts';

// A list formats a day per row; building a formatter costs far more than using one.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** Noon of a calendar day, so no time zone moves it to the day before or after. */
const noonOf = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** "6月1日周六" for a day "YYYY-MM-DD". */
export function dayLabel(day: string): string {
  const locale = intlLocale();
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, month: 'long', day: 'numeric', weekday: 'short' });
    dayFormats.set(locale, f);
  }
  return f.format(noonOf(day));
}

/** "19:30", a time's clock in Asia/Shanghai. */
export function clockLabel(ms: number): string {
  return clockFormat.format(ms);
}
