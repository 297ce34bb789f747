import { Show } from 'solid-js';
import { daysPast, pastDeadline, type RequestState, type Turn } from '../../shared/folds/index.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import { IconCheck, IconClock, IconReopen } from './icons.tsx';

export const stageLabel = (r: Pick<RequestState, 'stage'>) => t(`stage.${r.stage}` as MessageKey);
export const turnLabel = (turn: Turn) => t(`turn.${turn}` as MessageKey);

/** A list card's "whose turn" in words of its own per turn ("等居民评价", not "等居民评价办"). */
const waitingOn: Record<Turn, MessageKey> = {
  community: 'waiting.community',
  owners: 'waiting.owners',
  property: 'waiting.property',
  committee: 'waiting.committee',
  residents: 'waiting.residents',
};

/** The stage in words (with an icon where it matters), never colour alone. */
export function StageBadge(props: { request: Pick<RequestState, 'stage'> }) {
  return (
    <span class="stage" data-stage={props.request.stage} data-testid="stage">
      <Show when={props.request.stage === 'reopened'}>
        <IconReopen size={20} />
      </Show>
      <Show when={props.request.stage === 'completed'}>
        <IconCheck size={20} />
      </Show>
      {stageLabel(props.request)}
    </span>
  );
}

/** "已超期 N 天" with a clock icon, on anything past its deadline day (`openDeadline` of a request). */
export function OverdueBadge(props: { deadline: string | null; now: number }) {
  return (
    <Show when={pastDeadline(props.deadline, props.now) ? props.deadline : null}>
      {(deadline) => (
        <span class="overdue" data-testid="overdue">
          <IconClock size={20} />
          {t('agenda.overdueDays', { n: Math.max(1, daysPast(deadline(), props.now)) })}
        </span>
      )}
    </Show>
  );
}

export function TurnBadge(props: { turn: Turn | null }) {
  return <Show when={props.turn}>{(turn) => <span class="turn">{t(waitingOn[turn()])}</span>}</Show>;
}
