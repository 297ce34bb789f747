import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { dutiesByDay, memberSignup, monthHours, monthOf } from '../../../shared/folds/index.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DutyCard } from './DutyCard.tsx';
import { dayLabel, hoursText, monthLabel, shiftMonth } from './format.ts';

/** One month: its duties day by day, and the hours each team served (teams by name, never ranked). */
export default function MonthPage() {
  const { session, path } = usePage();
  const rosters = useRosters();
  const [search] = useSearchParams<{ m?: string }>();
  const month = () => (/^\d{4}-\d{2}$/.test(search.m ?? '') ? (search.m as string) : monthOf(shanghaiDay(now())));
  const days = createMemo(() => dutiesByDay(rosters(), month()));
  const teamHours = createMemo(() => {
    const byTeam = monthHours(rosters(), month()).byTeam;
    return Object.values(rosters().teams)
      .filter((team) => byTeam[team.id])
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((team) => ({ team, minutes: byTeam[team.id] ?? 0 }));
  });
  const me = session.member.memberId;
  const monthLink = (by: number) => path('rosters', `month?m=${shiftMonth(month(), by)}`);

  return (
    <>
      <PageHeader title={monthLabel(month())} back={path('rosters')} />
      <nav class="month-nav" aria-label={t('volunteers.monthView')}>
        <A href={monthLink(-1)} class="btn btn-secondary" data-testid="prev-month">
          {t('volunteers.prevMonth')}
        </A>
        <A href={monthLink(1)} class="btn btn-secondary" data-testid="next-month">
          {t('volunteers.nextMonth')}
        </A>
      </nav>
      <Show when={days().length > 0} fallback={<p class="empty">{t('volunteers.noDutiesMonth')}</p>}>
        <For each={days()}>
          {([day, duties]) => (
            <section class="section" data-testid="month-day" data-day={day}>
              <h2>{dayLabel(day)}</h2>
              <ul class="cards">
                <For each={duties}>
                  {(d) => (
                    <DutyCard
                      duty={d}
                      team={rosters().teams[d.teamId]}
                      href={path('rosters', 'duty', d.id)}
                      mine={memberSignup(d, me)?.as}
                    />
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
      <section class="section" aria-labelledby="team-hours-heading">
        <h2 id="team-hours-heading">{t('volunteers.teamHours')}</h2>
        <Show when={teamHours().length > 0} fallback={<p class="empty">{t('volunteers.noHours')}</p>}>
          <ul class="rows" data-testid="team-hours">
            <For each={teamHours()}>
              {(row) => (
                <li class="row">
                  <span class="row-title">{row.team.name}</span>
                  <span>{hoursText(row.minutes)}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
