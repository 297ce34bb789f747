import { useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { byWhen, memberMonths, memberSignup, monthOf } from '../../../shared/folds/index.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { dayLabel, hoursText, monthLabel } from './format.ts';
import { GridProfile } from './grid/GridProfile.tsx';

/** One member's volunteer time: each month's hours, and the duties served in it. */
export default function MemberPage() {
  const params = useParams<{ memberId: string }>();
  const { session, path } = usePage();
  const rosters = useRosters();
  const members = useMembers();
  const name = () =>
    params.memberId === session.member.memberId
      ? t('volunteers.myHours')
      : t('volunteers.hoursOf', { name: members().byId.get(params.memberId)?.name ?? t('agenda.unknownMember') });
  const months = createMemo(() => memberMonths(rosters(), params.memberId));
  const served = createMemo(() =>
    Object.values(rosters().duties)
      // Over-full and standby sign-ups serve and count too (memberMonths counts them): listed as well.
      .filter((d) => memberSignup(d, params.memberId)?.signup.minutes)
      .sort(byWhen),
  );
  const total = () => rosters().minutesByMember[params.memberId] ?? 0;

  return (
    <>
      <PageHeader title={name()} back={path('rosters')} />
      <GridProfile memberId={params.memberId} />
      <p class="hours-total" data-testid="hours-total">
        {t('volunteers.totalServed', { time: hoursText(total()) })}
      </p>
      <Show when={months().length > 0} fallback={<p class="empty">{t('volunteers.noHours')}</p>}>
        <For each={months()}>
          {([month, minutes]) => (
            <section class="section" data-testid="member-month" data-month={month}>
              <h2>
                {monthLabel(month)} · <span data-testid="month-hours">{hoursText(minutes)}</span>
              </h2>
              <ul class="rows">
                <For each={served().filter((d) => monthOf(d.day) === month)}>
                  {(d) => (
                    <li class="row" data-testid="member-duty">
                      <div class="row-main">
                        <span class="row-title">{d.title ?? rosters().teams[d.teamId]?.name}</span>
                        <span class="row-sub">
                          {dayLabel(d.day)} {d.start}–{d.end} · {d.place}
                        </span>
                      </div>
                      <span data-testid="duty-hours">
                        {hoursText(memberSignup(d, params.memberId)?.signup.minutes ?? 0)}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </>
  );
}
