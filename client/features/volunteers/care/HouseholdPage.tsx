import { useParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { careRow } from '../../../../shared/folds/index.ts';
import { now } from '../../../domain/clock.ts';
import { useCare, useCareLoaded } from '../../../domain/useCare.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { IconAlert, IconClock } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { dayLabel } from '../format.ts';
import { CloseHousehold } from './CloseHousehold.tsx';
import { CommitteeOnly } from './CommitteeOnly.tsx';
import { cadenceLabel, dueText, reasonLabel } from './careText.ts';
import { ReassignVisitor } from './ReassignVisitor.tsx';
import { VisitForm } from './VisitForm.tsx';
import { VisitHistory } from './VisitHistory.tsx';

/**
 * One household: its facts and last visit, where its visits stand, logging a visit, its visits
 * newest first by month, closing it.
 */
export default function HouseholdPage() {
  return (
    <CommitteeOnly>
      <Household />
    </CommitteeOnly>
  );
}

function Household() {
  const { path } = usePage();
  const params = useParams<{ householdId: string }>();
  const care = useCare();
  const loaded = useCareLoaded();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const row = createMemo(() => {
    const h = care()?.households[params.householdId];
    return h ? careRow(h, now()) : undefined;
  });

  return (
    <>
      <PageHeader title={row()?.household.label ?? t('care.title')} back={path('rosters', 'care')} />
      <Show when={loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={row()} fallback={<p class="empty">{t('care.notFound')}</p>}>
          {(r) => {
            const h = () => r().household;
            return (
              <>
                <dl class="duty-facts" data-testid="household-facts">
                  <dt>{t('care.where')}</dt>
                  <dd>{[h().building, h().unit].filter(Boolean).join(' ')}</dd>
                  <dt>{t('care.reason')}</dt>
                  <dd>{reasonLabel(h().reasonCategory)}</dd>
                  <dt>{t('care.cadence')}</dt>
                  <dd>{cadenceLabel(h().cadence)}</dd>
                  <dt>{t('care.lastVisited')}</dt>
                  <dd data-testid="last-visited" data-day={r().status.lastVisitedOn ?? ''}>
                    {r().status.lastVisitedOn ? dayLabel(r().status.lastVisitedOn ?? '') : t('care.notVisitedYet')}
                  </dd>
                  <dt>{t('care.visitor')}</dt>
                  <dd>{h().visitorId ? nameOf(h().visitorId ?? '') : t('care.noVisitor')}</dd>
                  <Show when={h().note}>
                    <dt>{t('care.note')}</dt>
                    <dd>{h().note}</dd>
                  </Show>
                </dl>
                <p
                  class={r().status.overdue ? 'note-warn' : 'care-status with-icon'}
                  data-testid="household-due"
                  data-overdue={r().status.overdue ? 'yes' : 'no'}
                >
                  <Show when={r().status.overdue} fallback={<IconClock size={24} />}>
                    <IconAlert size={24} />
                  </Show>
                  <span>{dueText(r())}</span>
                </p>
                <ReassignVisitor householdId={h().id} visitorId={h().visitorId} closed={h().status === 'closed'} />
                <Show when={h().status === 'closed'}>
                  <p class="muted" data-testid="household-closed">
                    {t('care.closedBecause', { reason: h().closedReason ?? '' })}
                  </p>
                </Show>
                <Show when={h().closings.length > 1}>
                  <p class="note-warn" data-testid="household-closed-also">
                    {t('care.alsoClosed', {
                      reasons: h()
                        .closings.slice(1)
                        .map((c) => c.reason)
                        .join(' / '),
                    })}
                  </p>
                </Show>
                <Show when={h().status === 'active'}>
                  <VisitForm householdId={h().id} />
                </Show>
                <VisitHistory household={h()} nameOf={nameOf} />
                <CloseHousehold householdId={h().id} closed={h().status === 'closed'} />
              </>
            );
          }}
        </Show>
      </Show>
    </>
  );
}
