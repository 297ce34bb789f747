import { createMemo, For, Show } from 'solid-js';
import { reporterKinds, type SnapCounts, snapCountsByMonth } from '../../../../shared/folds/index.ts';
import { usePage } from '../../../domain/usePage.ts';
import { usePublicView } from '../../../domain/usePublicView.ts';
import { t } from '../../../i18n/index.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { reporterLabel } from './ReporterChoice.tsx';

const line = (c: SnapCounts) => t('snap.countsLine', { n: c.reported, accepted: c.accepted, completed: c.completed });

/** 随手拍统计: snap reports per month by reporter kind, accepted and completed; counts only, no names. */
export default function SnapStatsPage() {
  const { path } = usePage();
  const view = usePublicView();
  const months = createMemo(() => snapCountsByMonth(view().compound));
  return (
    <>
      <PageHeader title={t('snap.statsTitle')} back={path('agenda')} />
      <p class="muted">{t('snap.acceptedMeans')}</p>
      <Show when={months().length > 0} fallback={<p class="empty">{t('snap.noReports')}</p>}>
        <ul class="cards" data-testid="snap-months">
          <For each={months()}>
            {(m) => (
              <li class="card snap-month" data-month={m.month}>
                <h2 class="card-title">{t('snap.month', { y: m.month.slice(0, 4), m: Number(m.month.slice(5)) })}</h2>
                <p class="snap-total" data-testid="snap-total">
                  {line(m.total)}
                </p>
                <dl class="snap-kinds">
                  <For each={reporterKinds}>
                    {(k) => (
                      <div class="snap-kind" data-kind={k}>
                        <dt>{reporterLabel(k)}</dt>
                        <dd>{line(m.byKind[k])}</dd>
                      </div>
                    )}
                  </For>
                </dl>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
