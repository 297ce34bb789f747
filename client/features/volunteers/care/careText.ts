import type { Cadence, CareReason } from '../../../../shared/events/care.ts';
import { formatMonthDay, shanghaiDayStart } from '../../../../shared/time.ts';
import type { CareRow } from '../../../domain/useCare.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { dayLabel } from '../format.ts';

/** The cadences the committee's form offers (a daily visit is for a carer, not a committee). */
export const offeredCadences: readonly Cadence[] = ['weekly', 'fortnightly', 'monthly'];

export const cadenceLabel = (c: Cadence) => t(`care.cadence.${c}` as MessageKey);
export const reasonLabel = (r: CareReason) => t(`care.reason.${r}` as MessageKey);

/** Where a household's visits stand, in words (never by colour alone): overdue, due today, or when. */
export function dueText(row: CareRow): string {
  const due = row.status.nextDueDay;
  if (due === null) return t('care.closed');
  if (row.status.overdue) return t('care.overdue', { n: -row.dueIn, day: dayLabel(due) });
  if (row.dueIn === 0) return t('care.dueToday');
  return t('care.dueOn', { day: dayLabel(due), n: row.dueIn });
}

/** A day "YYYY-MM-DD" without its year, as a visit's line says it: 12月3日, 3 December. */
export const monthDayOf = (day: string) => formatMonthDay(shanghaiDayStart(day), intlLocale());
