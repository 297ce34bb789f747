import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { beforeCutoff, memberSignup, monthOf, type RostersState, upcomingDuties } from '../../../shared/folds/index.ts';
import { isCommittee } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { IconChevron, IconClock, IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ThanksWallLink } from '../points/parts.ts';
import { CareSection } from './care/CareSection.tsx';
import { DutyCard } from './DutyCard.tsx';
import { overfullByDuty } from './selectors.ts';

/** The volunteers tab: my duties, open duties, the month, the teams; committee members add teams and duties. */
export default function VolunteersPage() {
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const rosters = useRosters();
  const overfull = createMemo(() => overfullByDuty(rosters()));
  const me = session.member.memberId;
  const upcoming = createMemo(() => upcomingDuties(rosters(), now()));
  const mine = createMemo(() => upcoming().filter((d) => memberSignup(d, me)));
  // Started duties take no sign-up: they are listed as under way, not among those to join.
  const others = createMemo(() => upcoming().filter((d) => !memberSignup(d, me)));
  const open = createMemo(() => others().filter((d) => d.freeSlots > 0 && beforeCutoff(d, now())));
  const started = createMemo(() => others().filter((d) => !beforeCutoff(d, now())));
  const card = (d: RostersState['duties'][string]) => (
    <DutyCard
      duty={d}
      team={rosters().teams[d.teamId]}
      href={path('rosters', 'duty', d.id)}
      mine={memberSignup(d, me)?.as}
      started={!beforeCutoff(d, now())}
      overfull={overfull().get(d.id)?.length}
    />
  );

  return (
    <>
      <PageHeader title={t('volunteers.title')} />
      <Show when={mayAppend('roster.duty.created', session.member)}>
        <div class="volunteer-actions">
          <A href={path('rosters', 'duties', 'new')} class="btn btn-primary btn-block" data-testid="new-duty">
            <IconPlus size={28} />
            <span>{t('volunteers.newDuty')}</span>
          </A>
          <A href={path('rosters', 'teams', 'new')} class="btn btn-secondary btn-block" data-testid="new-team">
            <IconPlus size={28} />
            <span>{t('volunteers.newTeam')}</span>
          </A>
        </div>
      </Show>
      <Show when={publicDoc.ready()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <section class="section" aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('volunteers.myDuties')}</h2>
          <Show when={mine().length > 0} fallback={<p class="empty">{t('volunteers.noMine')}</p>}>
            <ul class="cards" data-testid="my-duties">
              <For each={mine()}>{card}</For>
            </ul>
          </Show>
          <A
            href={path('rosters', 'member', me)}
            class="btn btn-secondary btn-block more-button"
            data-testid="my-hours"
          >
            <IconClock size={24} />
            <span>{t('volunteers.myHours')}</span>
          </A>
          <A href={path('rosters', 'grid')} class="btn btn-secondary btn-block more-button" data-testid="my-grid">
            <span>{t('grid.entry')}</span>
            <IconChevron size={24} />
          </A>
          <ThanksWallLink class="btn btn-secondary btn-block more-button" />
        </section>
        <section class="section" aria-labelledby="open-heading">
          <h2 id="open-heading">{t('volunteers.openDuties')}</h2>
          <Show when={open().length > 0} fallback={<p class="empty">{t('volunteers.noOpen')}</p>}>
            <ul class="cards" data-testid="open-duties">
              <For each={open()}>{card}</For>
            </ul>
          </Show>
          <Show when={started().length > 0}>
            <h3 class="duty-group-heading">{t('volunteers.startedDuties')}</h3>
            <ul class="cards" data-testid="started-duties">
              <For each={started()}>{card}</For>
            </ul>
          </Show>
          <A
            href={path('rosters', `month?m=${monthOf(shanghaiDay(now()))}`)}
            class="btn btn-secondary btn-block more-button"
            data-testid="month-view"
          >
            <span>{t('volunteers.monthView')}</span>
            <IconChevron size={24} />
          </A>
        </section>
        <TeamsSection rosters={rosters()} />
        <Show when={isCommittee(session.member)}>
          <CareSection />
        </Show>
      </Show>
    </>
  );
}

/** Every team with its purpose and lead, by name (never by hours served). */
function TeamsSection(props: { rosters: RostersState }) {
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const teams = createMemo(() =>
    Object.values(props.rosters.teams).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1)),
  );
  return (
    <section class="section" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('volunteers.teams')}</h2>
      <Show when={teams().length > 0} fallback={<p class="empty">{t('volunteers.noTeams')}</p>}>
        <ul class="rows" data-testid="teams">
          <For each={teams()}>
            {(team) => (
              <li class="row" data-testid="team-item">
                <div class="row-main">
                  <span class="row-title">{team.name}</span>
                  <Show when={team.purpose}>
                    <span class="row-sub">{team.purpose}</span>
                  </Show>
                  <span class="row-sub">
                    {team.leaderId ? t('volunteers.leadIs', { name: nameOf(team.leaderId) }) : t('volunteers.noLead')}
                  </span>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
