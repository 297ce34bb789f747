import { createSignal, For, Show } from 'solid-js';
import { dutyLength } from '../../../shared/folds/dutyHours.ts';
import type { AwardSuggestion } from '../../../shared/folds/index.ts';
import { shanghaiDayStart } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAwardSuggestions } from '../../domain/usePoints.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { confirmAward } from './actions.ts';

/** Minutes as 1 小时 05 分. */
const duration = (minutes: number) =>
  t('points.duration', { h: Math.floor(minutes / 60), mm: String(minutes % 60).padStart(2, '0') });

/**
 * The committee's whose-turn list of suggested awards: one tap confirms each; nothing is awarded
 * silently. A duty served over twice its planned length is marked, and its tap asks once more.
 * A member's own points wait for another committee member: theirs has no button.
 */
export function AwardTurns() {
  const { session } = usePage();
  const suggestions = useAwardSuggestions();
  const members = useMembers();
  const rosters = useRosters();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  // The day in words (12月2日), as the member's history says it.
  const dayName = (day: string) =>
    new Intl.DateTimeFormat(intlLocale(), { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' }).format(
      shanghaiDayStart(day),
    );
  const what = (s: AwardSuggestion) => {
    const day = dayName(s.day);
    if (s.source.kind === 'request') return t('points.suggest.snap', { day });
    if (s.source.kind !== 'duty') return t('points.suggest.meeting', { day });
    const duty = rosters().duties[s.source.id];
    const team = duty ? (rosters().teams[duty.teamId]?.name ?? '') : '';
    const served = s.minutes === null ? '' : ` · ${t('points.suggest.served', { time: duration(s.minutes) })}`;
    return `${t('points.suggest.duty', { what: duty?.title ?? team, day, hours: s.units })}${served}`;
  };
  const [asking, setAsking] = createSignal<AwardSuggestion | undefined>();
  const confirm = createSubmit((key: string) => {
    const s = suggestions().find((x) => x.key === key);
    if (s) confirmAward(session, s);
    return undefined;
  });
  const tap = (s: AwardSuggestion) => (s.unusual ? setAsking(s) : confirm.run(s.key));
  const planned = (s: AwardSuggestion) => {
    const duty = s.source.kind === 'duty' ? rosters().duties[s.source.id] : undefined;
    return duty ? duration(dutyLength(duty)) : '';
  };
  return (
    <Show when={suggestions().length > 0}>
      <section class="section" aria-labelledby="award-turns-heading" data-testid="award-turns">
        <h2 id="award-turns-heading" class="turns-heading">
          {t('points.turns')}
        </h2>
        <ul class="link-list">
          <For each={suggestions()}>
            {(s) => (
              <li class="row points-suggestion" data-testid="award-suggestion" data-unusual={s.unusual}>
                <span class="row-main">
                  <span class="row-title">
                    {nameOf(s.memberId)} · {t('points.plus', { n: s.points })}
                  </span>
                  <span class="row-sub" data-testid="award-what">
                    {s.rule.name} · {what(s)}
                  </span>
                  <Show when={s.unusual}>
                    <span class="points-unusual" data-testid="award-unusual">
                      {t('points.suggest.unusual')}
                    </span>
                  </Show>
                </span>
                <Show
                  when={s.memberId !== session.member.memberId}
                  fallback={
                    <span class="points-not-self" data-testid="award-not-self">
                      {t('points.suggest.notForSelf')}
                    </span>
                  }
                >
                  <button
                    type="button"
                    class="btn btn-primary btn-small"
                    onClick={() => tap(s)}
                    data-testid="award-confirm"
                  >
                    {t('points.confirm')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <FormError error={confirm.error()} />
        <ConfirmDialog
          open={asking() !== undefined}
          onOpenChange={(o) => !o && setAsking(undefined)}
          title={t('points.suggest.unusualTitle')}
          confirmLabel={t('points.suggest.unusualConfirm')}
          onConfirm={() => {
            const s = asking();
            if (s) confirm.run(s.key);
          }}
        >
          <Show when={asking()}>
            {(s) => (
              <p data-testid="award-unusual-figures">
                {t('points.suggest.unusualBody', {
                  name: nameOf(s().memberId),
                  served: duration(s().minutes ?? 0),
                  planned: planned(s()),
                  hours: s().units,
                  n: s().points,
                })}
              </p>
            )}
          </Show>
        </ConfirmDialog>
      </section>
    </Show>
  );
}
