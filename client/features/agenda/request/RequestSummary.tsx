import { Show } from 'solid-js';
import { type RequestState, whoseTurn } from '../../../../shared/folds/index.ts';
import { t } from '../../../i18n/index.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePage } from '../../../usePage.ts';
import { OverdueBadge, StageBadge, turnLabel } from '../badges.tsx';
import { now } from '../clock.ts';
import { StepIndicator } from '../StepIndicator.tsx';

/** The title, where the request stands (stage, overdue, whose turn) and its place on the six steps. */
export function RequestSummary(props: { request: RequestState }) {
  const { path } = usePage();
  return (
    <>
      <PageHeader title={props.request.title} back={path('agenda')} />
      <p class="status-line">
        <StageBadge request={props.request} />
        <OverdueBadge request={props.request} now={now()} />
        <Show when={whoseTurn(props.request)}>
          {(x) => <span class="turn">{t('request.turn', { who: turnLabel(x()) })}</span>}
        </Show>
      </p>
      <StepIndicator request={props.request} />
    </>
  );
}
