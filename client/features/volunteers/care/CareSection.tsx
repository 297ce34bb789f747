import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { careRows } from '../../../../shared/folds/index.ts';
import { now } from '../../../domain/clock.ts';
import { useCare, useCareLoaded } from '../../../domain/useCare.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { IconAlert, IconChevron } from '../../../ui/icons.tsx';

/** The volunteers tab's way into care visits (committee members only): how many households, how many overdue. */
export function CareSection() {
  const { path } = usePage();
  const care = useCare();
  const loaded = useCareLoaded();
  const rows = createMemo(() => {
    const c = care();
    return c ? careRows(c, now()) : [];
  });
  const overdue = () => rows().filter((r) => r.status.overdue).length;
  return (
    <section class="section" aria-labelledby="care-section-heading" data-testid="care-section">
      <h2 id="care-section-heading">{t('care.title')}</h2>
      <p class="muted">{loaded() ? t('care.summary', { n: rows().length }) : t('app.loading')}</p>
      <Show when={overdue() > 0}>
        <p class="note-warn" data-testid="care-section-overdue">
          <IconAlert size={24} />
          <span>{t('care.overdueCount', { n: overdue() })}</span>
        </p>
      </Show>
      <A href={path('rosters', 'care')} class="btn btn-secondary btn-block more-button" data-testid="open-care">
        <span>{t('care.open')}</span>
        <IconChevron size={24} />
      </A>
    </section>
  );
}
