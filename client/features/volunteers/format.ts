import { TIME_ZONE } from '../../../shared/time.ts';
import { intlLocale, t } from '../../i18n/index.ts';

export { dayLabel } from '../../ui/dayLabel.ts';

// A list formats a day per row; building a formatter costs far more than using one.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale();
  let f = map.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    map.set(locale, f);
  }
  return f;
}

/** Noon of a calendar day, so no time zone moves it to the day before or after. */
const noonOf = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** "2024年6月" for a month "YYYY-MM". */
export function monthLabel(month: string): string {
  return cached(monthFormats, { year: 'numeric', month: 'long' }).format(noonOf(`${month}-15`));
}

/** The month before or after "YYYY-MM". */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** Minutes served as hours and minutes, e.g. "2 小时 5 分钟". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('volunteers.minutes', { m });
  if (m === 0) return t('volunteers.hours', { h });
  return t('volunteers.hoursMinutes', { h, m });
}

/** "HH:MM" `minutes` before a duty's start "HH:MM" on its day, not before 00:00. */
export function clockBefore(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number);
  const at = Math.max(0, (h ?? 0) * 60 + (m ?? 0) - minutes);
  return `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
}
