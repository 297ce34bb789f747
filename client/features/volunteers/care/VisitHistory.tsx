import { createMemo, createSignal, For, Show } from 'solid-js';
import { type HouseholdState, visitHistory } from '../../../../shared/folds/index.ts';
import { formatDay, shanghaiDay } from '../../../../shared/time.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { IconAlert } from '../../../ui/icons.tsx';
import { dayLabel, monthLabel } from '../format.ts';
import { monthDayOf } from './careText.ts';

/** Visits shown at first: two or three months of a weekly household. */
const FIRST = 10;
/** Visits each tap on 更早的走访 adds: about half a year of a weekly household. */
const MORE = 20;

/**
 * A household's visits, newest first by the day they were made, under a heading per month: the
 * latest ten, and a button for earlier ones. A visit written down on a later day says so.
 */
export function VisitHistory(props: { household: HouseholdState; nameOf: (id: string) => string }) {
  const [shown, setShown] = createSignal(FIRST);
  const history = createMemo(() => visitHistory(props.household, shown()));
  const paperDay = () => props.household.lastVisitedOn;

  return (
    <section class="section" aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('care.visits')}</h2>
      <Show
        when={props.household.visits.length > 0}
        fallback={
          <p class="empty">
            {paperDay() ? t('care.paperVisit', { day: formatDay(paperDay() ?? '', intlLocale()) }) : t('care.noVisits')}
          </p>
        }
      >
        <div data-testid="visits">
          <For each={history().months}>
            {(m) => (
              <div class="visit-month" data-testid="visit-month" data-month={m.month}>
                <h3 class="visit-month-title">{monthLabel(m.month)}</h3>
                <ul class="rows">
                  <For each={m.visits}>
                    {(v) => (
                      <li class="row" data-testid="visit-item" data-day={v.day}>
                        <div class="row-main">
                          <span class="row-title">
                            {dayLabel(v.day)} · {props.nameOf(v.by)}
                          </span>
                          <Show when={shanghaiDay(v.at) !== v.day}>
                            {/* The line above names the visit's day: this one says only when it was written down. */}
                            <span class="row-sub" data-testid="visit-written">
                              {t('care.writtenLate', { day: monthDayOf(shanghaiDay(v.at)) })}
                            </span>
                          </Show>
                          <Show when={v.note}>
                            <span class="visit-note">{v.note}</span>
                          </Show>
                          <Show when={v.needs}>
                            <span class="care-concern with-icon" data-testid="visit-concern">
                              <IconAlert size={20} />
                              {t('care.concernShort', { text: v.needs ?? '' })}
                            </span>
                          </Show>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </div>
            )}
          </For>
        </div>
        <Show when={history().earlier > 0}>
          <button
            type="button"
            class="btn btn-secondary btn-block more-button"
            data-testid="earlier-visits"
            onClick={() => setShown((n) => n + MORE)}
          >
            {t('care.earlierVisits', { n: history().earlier })}
          </button>
        </Show>
      </Show>
    </section>
  );
}
