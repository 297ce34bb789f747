import { endStages, type RequestState } from '../../shared/folds/index.ts';
import { formatMonthDay } from '../../shared/time.ts';
import { intlLocale } from '../i18n/index.ts';

/**
 * A request as one line of a picker: its title, building and the day it was raised. A five-year
 * compound has six 路灯不亮; by title alone a member cannot tell which one a payment or a decision is
 * about.
 */
export function requestChoiceLabel(r: Pick<RequestState, 'title' | 'building' | 'raisedAt'>): string {
  return [r.title, r.building, formatMonthDay(r.raisedAt, intlLocale())].filter(Boolean).join(' · ');
}

/**
 * The requests a form may link to: those still open, newest first, at most `max` (a select of
 * thousands is no choice at all), and the one already chosen wherever it stands.
 */
export function openRequestChoices(
  all: readonly RequestState[],
  chosen: string | undefined,
  max = 100,
): RequestState[] {
  const open = all
    .filter((r) => !endStages.includes(r.stage))
    .sort((a, b) => b.raisedAt - a.raisedAt)
    .slice(0, max);
  const kept = chosen ? all.find((r) => r.id === chosen) : undefined;
  return kept && !open.includes(kept) ? [kept, ...open] : open;
}
