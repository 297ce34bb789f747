import { For, Show } from 'solid-js';
import type { PointsEntry, PointsState, RostersState } from '../../../shared/folds/index.ts';
import { historyLines, ticketHolder } from '../../../shared/folds/pointsQueries.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { useRosters } from '../../domain/useRosters.ts';
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
  // Awarded by hand under a rule: the rule, then the committee's reason.
  const rule = !source && entry.ruleId !== null ? points.rules[entry.ruleId] : undefined;
  if (rule) return { title: rule.name, detail: entry.reason ?? '' };
  if (source?.kind === 'duty') {
    const duty = rosters.duties[source.id];
    const team = duty ? (rosters.teams[duty.teamId]?.name ?? '') : '';
    return { title: entry.reason ?? '', detail: t('points.why.duty', { what: duty?.title ?? team }) };
  }
  if (source?.kind === 'meeting') return { title: entry.reason ?? '', detail: t('points.why.meeting') };
  return { title: entry.reason ?? '', detail: '' };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

const dayOf = (at: number) =>
  new Intl.DateTimeFormat(intlLocale(), { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' }).format(at);

/** Who made a line: 王秀英 记分, 王秀英 更正; a redemption names nobody (the counter's scan is told apart where it matters). */
function byWhom(entry: PointsEntry, nameOf: (id: string) => string): string | undefined {
  if (entry.kind === 'award') return t('points.by.award', { name: nameOf(entry.by) });
  if (entry.kind === 'correction') return t('points.by.correction', { name: nameOf(entry.by) });
  return undefined;
}

/** One line as the history shows it, for the correction dialog to say which line it corrects. */
export function EntryLine(props: { entry: PointsEntry; points: PointsState; testId?: string }) {
  const rosters = useRosters();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const why = () => lineWhy(props.entry, props.points, rosters());
  return (
    <div class="row points-line points-line-alone" data-testid={props.testId}>
      <span class="row-main">
        <span class="row-title">{why().title}</span>
        <span class="row-sub">
          <Show when={why().detail}>{why().detail} · </Show>
          <span class="points-day">{dayOf(props.entry.at)}</span>
          <Show when={byWhom(props.entry, nameOf)}>{(by) => <> · {by()}</>}</Show>
        </span>
      </span>
      <span class="points-delta" classList={{ 'points-minus': props.entry.amount < 0 }}>
        {signed(props.entry.amount)}
      </span>
    </div>
  );
}

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
                  <span class="points-day">{dayOf(line.entry.at)}</span>
                  <Show when={byWhom(line.entry, nameOf)}>
                    {(by) => (
                      <span class="points-by" data-testid="points-by">
                        {' · '}
                        {by()}
                      </span>
                    )}
                  </Show>
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
