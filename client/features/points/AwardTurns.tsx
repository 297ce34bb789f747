import { For, Show } from 'solid-js';
import { shanghaiDayStart } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAwardSuggestions } from '../../domain/usePoints.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { confirmAward } from './actions.ts';

/** The committee's whose-turn list of suggested awards: one tap confirms each; nothing is awarded silently. */
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
  const what = (s: ReturnType<typeof suggestions>[number]) => {
    const day = dayName(s.day);
    if (s.source.kind === 'request') return t('points.suggest.snap', { day });
    if (s.source.kind !== 'duty') return t('points.suggest.meeting', { day });
    const duty = rosters().duties[s.source.id];
    const team = duty ? (rosters().teams[duty.teamId]?.name ?? '') : '';
    return t('points.suggest.duty', { what: duty?.title ?? team, day, hours: s.units });
  };
  const confirm = createSubmit((key: string) => {
    const s = suggestions().find((x) => x.key === key);
    if (s) confirmAward(session, s);
    return undefined;
  });
  return (
    <Show when={suggestions().length > 0}>
      <section class="section" aria-labelledby="award-turns-heading" data-testid="award-turns">
        <h2 id="award-turns-heading" class="turns-heading">
          {t('points.turns')}
        </h2>
        <ul class="link-list">
          <For each={suggestions()}>
            {(s) => (
              <li class="row points-suggestion" data-testid="award-suggestion">
                <span class="row-main">
                  <span class="row-title">
                    {nameOf(s.memberId)} · {t('points.plus', { n: s.points })}
                  </span>
                  <span class="row-sub">
                    {s.rule.name} · {what(s)}
                  </span>
                </span>
                <button
                  type="button"
                  class="btn btn-primary btn-small"
                  onClick={() => confirm.run(s.key)}
                  data-testid="award-confirm"
                >
                  {t('points.confirm')}
                </button>
              </li>
            )}
          </For>
        </ul>
        <FormError error={confirm.error()} />
      </section>
    </Show>
  );
}
