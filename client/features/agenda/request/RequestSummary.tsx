import { Show } from 'solid-js';
import { openDeadline, type RequestState, whoseTurn } from '../../../../shared/folds/index.ts';
import { now } from '../../../domain/clock.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { OverdueBadge, StageBadge, turnLabel } from '../../../ui/badges.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { StepIndicator } from '../StepIndicator.tsx';

/** The title, where the request stands (stage, overdue, whose turn) and its place on the six steps. */
export function RequestSummary(props: { request: RequestState }) {
  const { path } = usePage();
  return (
    <>
      <PageHeader title={props.request.title} back={path('agenda')} />
      <p class="status-line">
        <StageBadge request={props.request} />
        <OverdueBadge deadline={openDeadline(props.request)} now={now()} />
        <Show when={whoseTurn(props.request)}>
          {(x) => <span class="turn">{t('request.turn', { who: turnLabel(x()) })}</span>}
        </Show>
      </p>
      <StepIndicator request={props.request} />
    </>
  );
}
