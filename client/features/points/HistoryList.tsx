import { For, Show } from 'solid-js';
import type { PointsEntry, PointsState, RostersState } from '../../../shared/folds/index.ts';
import { historyLines, ticketHolder } from '../../../shared/folds/pointsQueries.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { intlLocale, t } from '../../i18n/index.ts';

/** Why a line of a member's history moved the balance, in words: what, and where or when it came from. */
export function lineWhy(
  entry: PointsEntry,
  points: PointsState,
  rosters: RostersState,
): { title: string; detail: string } {
  if (entry.kind === 'redeem')
    return {
      title: t('points.why.redeem', { goods: points.goods[entry.goodsId ?? '']?.name ?? '', n: entry.quantity ?? 1 }),
      detail: '',
    };
  if (entry.kind === 'correction')
    return { title: t('points.why.correction', { reason: entry.reason ?? '' }), detail: '' };
  const source = entry.source;
  if (source?.kind === 'duty') {
    const duty = rosters.duties[source.id];
    const team = duty ? (rosters.teams[duty.teamId]?.name ?? '') : '';
    return { title: entry.reason ?? '', detail: t('points.why.duty', { what: duty?.title ?? team }) };
  }
  if (source?.kind === 'meeting') return { title: entry.reason ?? '', detail: t('points.why.meeting') };
  return { title: entry.reason ?? '', detail: '' };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A member's points history, newest first, each line saying why; a committee member may correct a line. */
export function HistoryList(props: {
  points: PointsState;
  rosters: RostersState;
  memberId: string;
  onCorrect?: (entry: PointsEntry) => void;
}) {
  const account = () => props.points.accounts[props.memberId];
  const lines = () => historyLines(account());
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  /** Why a line kept beside one that counts moves nothing: two phones or counters did it at once. */
  const twiceNote = (entry: PointsEntry): string | undefined => {
    if (entry.alreadyAwarded) return t('points.alreadyAwarded');
    if (entry.ticketUsed) {
      const holder = ticketHolder(account(), entry);
      return t('points.ticketUsedLine', { who: holder ? nameOf(holder.by) : t('agenda.unknownMember') });
    }
    if (entry.alreadyCorrected) return t('points.alreadyCorrected');
    return undefined;
  };
  const why = (entry: PointsEntry) => lineWhy(entry, props.points, props.rosters);
  const day = (at: number) =>
    new Intl.DateTimeFormat(intlLocale(), { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' }).format(at);
  return (
    <Show when={lines().length > 0} fallback={<p class="empty">{t('points.noHistory')}</p>}>
      <ul class="link-list points-history" data-testid="points-history">
        <For each={lines()}>
          {(line) => (
            <li
              class="row points-line"
              classList={{ 'points-line-correctable': props.onCorrect !== undefined }}
              data-testid="points-line"
              data-kind={line.entry.kind}
            >
              <span class="row-main">
                <span class="row-title">{why(line.entry).title}</span>
                <span class="row-sub">
                  <Show when={why(line.entry).detail}>{why(line.entry).detail} · </Show>
                  <span class="points-day">{day(line.entry.at)}</span>
                  <Show when={line.corrected}> · {t('points.corrected')}</Show>
                  <Show when={line.entry.overdraft}> · {t('points.overdraft')}</Show>
                </span>
                <Show when={twiceNote(line.entry)}>
                  {(note) => (
                    <span class="points-twice" data-testid="points-twice">
                      {note()}
                    </span>
                  )}
                </Show>
              </span>
              <span class="points-delta" classList={{ 'points-minus': line.entry.delta < 0 }}>
                {signed(line.entry.delta)}
              </span>
              <Show when={props.onCorrect && line.entry.kind !== 'correction' && !line.corrected}>
                <button
                  type="button"
                  class="btn btn-secondary btn-small points-correct"
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
