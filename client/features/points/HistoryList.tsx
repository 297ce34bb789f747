import { For, Show } from 'solid-js';
import type { PointsEntry, PointsState, RostersState } from '../../../shared/folds/index.ts';
import { historyLines } from '../../../shared/folds/pointsQueries.ts';
import { intlLocale, t } from '../../i18n/index.ts';

/** Why a line of a member's history moved the balance, in words. */
export function lineWhy(entry: PointsEntry, points: PointsState, rosters: RostersState): string {
  if (entry.kind === 'redeem')
    return t('points.why.redeem', { goods: points.goods[entry.goodsId ?? '']?.name ?? '', n: entry.quantity ?? 1 });
  if (entry.kind === 'correction') return t('points.why.correction', { reason: entry.reason ?? '' });
  const source = entry.source;
  if (source?.kind === 'duty') {
    const duty = rosters.duties[source.id];
    const team = duty ? (rosters.teams[duty.teamId]?.name ?? '') : '';
    return t('points.why.duty', { reason: entry.reason ?? '', what: duty?.title ?? team, day: duty?.day ?? '' });
  }
  if (source?.kind === 'meeting') return t('points.why.meeting', { reason: entry.reason ?? '' });
  return entry.reason ?? '';
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A member's points history, newest first, each line saying why; a committee member may correct a line. */
export function HistoryList(props: {
  points: PointsState;
  rosters: RostersState;
  memberId: string;
  onCorrect?: (entry: PointsEntry) => void;
}) {
  const lines = () => historyLines(props.points.accounts[props.memberId]);
  const day = (at: number) =>
    new Intl.DateTimeFormat(intlLocale(), { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).format(at);
  return (
    <Show when={lines().length > 0} fallback={<p class="empty">{t('points.noHistory')}</p>}>
      <ul class="link-list points-history" data-testid="points-history">
        <For each={lines()}>
          {(line) => (
            <li class="row points-line" data-testid="points-line" data-kind={line.entry.kind}>
              <span class="row-main">
                <span class="row-title">{lineWhy(line.entry, props.points, props.rosters)}</span>
                <span class="row-sub">
                  {day(line.entry.at)}
                  <Show when={line.corrected}> · {t('points.corrected')}</Show>
                  <Show when={line.entry.overdraft}> · {t('points.overdraft')}</Show>
                </span>
              </span>
              <span class="points-delta" classList={{ 'points-minus': line.entry.delta < 0 }}>
                {signed(line.entry.delta)}
              </span>
              <Show when={props.onCorrect && line.entry.kind !== 'correction' && !line.corrected}>
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  onClick={() => props.onCorrect?.(line.entry)}
                  data-testid="points-correct"
                >
                  {t('points.correct')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
