import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { type DutyState, memberSignup, type TeamState } from '../../../shared/folds/index.ts';
import { isCommittee } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useDutyAnomalies, useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { IconDownload } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CancelDutyDialog } from './CancelDutyDialog.tsx';
import { DutyAttendance } from './DutyAttendance.tsx';
import { type DutySheet, DutyVolunteers } from './DutyVolunteers.tsx';
import { dayLabel } from './format.ts';

/** One duty: its facts, what this member can do now (sign up, check in, check out), who is coming. */
export default function DutyPage() {
  const params = useParams<{ dutyId: string }>();
  const { session, path } = usePage();
  const rosters = useRosters();
  const duty = createMemo(() => rosters().duties[params.dutyId]);
  return (
    <Show
      when={duty()}
      fallback={
        <>
          <PageHeader title={t('volunteers.duty')} back={path('rosters')} />
          <p class="empty">{session.doc('public').ready() ? t('volunteers.notFound') : t('app.loading')}</p>
        </>
      }
    >
      {(d) => <DutyView duty={d()} team={rosters().teams[d().teamId]} />}
    </Show>
  );
}

function DutyView(props: { duty: DutyState; team: TeamState | undefined }) {
  const { session, path } = usePage();
  const [search] = useSearchParams<{ checkin?: string }>();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const anomalies = useDutyAnomalies(() => props.duty.id);
  const d = () => props.duty;
  const isLead = () => props.team?.leaderId === session.member.memberId;
  const mayCancel = () => mayAppend('roster.duty.cancelled', session.member) && d().status === 'open';
  const corrector = () => (isCommittee(session.member) ? 'committee' : isLead() ? 'lead' : undefined);
  // A cancellation or correction half typed comes back after a reload, while it may still be made.
  const sheets = createUrlSheet<DutySheet>({
    toUrl: (s) => (s.id === 'cancel' ? { sheet: 'cancel' } : { sheet: 'correct', of: s.memberId }),
    fromUrl: (named, of) => {
      if (named === 'cancel') return mayCancel() ? { id: 'cancel' } : undefined;
      if (named !== 'correct' || typeof of !== 'string' || !corrector()) return undefined;
      // The rows with 更正: those holding a place and those on standby.
      const row = memberSignup(d(), of)?.as;
      return row === 'in' || row === 'standby' ? { id: 'correct', memberId: of } : undefined;
    },
    ready: session.doc('public').ready,
  });

  return (
    <article data-testid="duty-page" data-id={d().id} data-status={d().status}>
      <PageHeader title={d().title ?? props.team?.name ?? t('volunteers.duty')} back={path('rosters')} />
      <dl class="duty-facts">
        <dt>{t('volunteers.team')}</dt>
        <dd>{props.team?.name ?? t('volunteers.unknownTeam')}</dd>
        <dt>{t('volunteers.when')}</dt>
        <dd data-testid="duty-when">
          {dayLabel(d().day)} {d().start}–{d().end}
        </dd>
        <dt>{t('volunteers.place')}</dt>
        <dd>{d().place}</dd>
        <dt>{t('volunteers.slots')}</dt>
        <dd>
          <span data-testid="duty-slots">{t('volunteers.taken', { n: d().slots - d().freeSlots, of: d().slots })}</span>
          <Show when={d().raised}>
            {(r) => (
              <span class="row-sub duty-raised" data-testid="duty-raised">
                {t('volunteers.raisedBy', { name: nameOf(r().by), from: r().from, to: d().slots })}
              </span>
            )}
          </Show>
        </dd>
      </dl>
      <Show when={d().status === 'cancelled'}>
        <p class="form-error" data-testid="duty-cancelled">
          {t('volunteers.cancelledBecause', { reason: d().cancelReason ?? '' })}
        </p>
      </Show>
      <DutyAttendance duty={d()} atPlace={search.checkin === '1'} />
      <DutyVolunteers duty={d()} anomalies={anomalies()} nameOf={nameOf} corrector={corrector()} sheets={sheets} />
      <Show when={d().status === 'open' && (isLead() || mayAppend('roster.duty.created', session.member))}>
        <section class="section" aria-labelledby="lead-heading">
          <h2 id="lead-heading">{t('volunteers.forLead')}</h2>
          <div class="volunteer-actions">
            <A
              href={path('rosters', 'duty', d().id, 'print')}
              class="btn btn-secondary btn-block"
              data-testid="print-qr"
            >
              <IconDownload size={24} />
              <span>{t('volunteers.printQr')}</span>
            </A>
            <Show when={mayCancel()}>
              <button type="button" class="btn btn-danger btn-block" onClick={() => sheets.open({ id: 'cancel' })}>
                {t('volunteers.cancelDuty')}
              </button>
            </Show>
          </div>
        </section>
      </Show>
      <CancelDutyDialog
        open={sheets.sheet()?.id === 'cancel'}
        visit={sheets.visit()}
        restored={sheets.restored()}
        onOpenChange={(o) => !o && sheets.open(undefined)}
        dutyId={d().id}
      />
    </article>
  );
}
