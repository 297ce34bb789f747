import { useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { careRow } from '../../../../shared/folds/index.ts';
import { formatDate, formatDateTime } from '../../../../shared/time.ts';
import { now } from '../../../domain/clock.ts';
import { useCare, useCareLoaded } from '../../../domain/useCare.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { IconAlert, IconClock } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { CloseHousehold } from './CloseHousehold.tsx';
import { CommitteeOnly } from './CommitteeOnly.tsx';
import { cadenceLabel, dueText, reasonLabel } from './careText.ts';
import { ReassignVisitor } from './ReassignVisitor.tsx';
import { VisitForm } from './VisitForm.tsx';

/** One household: its facts, where its visits stand, logging a visit, its visits newest first, closing it. */
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
  const visits = createMemo(() => [...(row()?.household.visits ?? [])].sort((a, b) => b.at - a.at));

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
                <section class="section" aria-labelledby="visits-heading">
                  <h2 id="visits-heading">{t('care.visits')}</h2>
                  <Show
                    when={visits().length > 0}
                    fallback={
                      <p class="empty">
                        {h().lastVisitedOn
                          ? t('care.paperVisit', {
                              day: formatDate(Date.parse(`${h().lastVisitedOn}T04:00:00Z`), intlLocale()),
                            })
                          : t('care.noVisits')}
                      </p>
                    }
                  >
                    <ul class="rows" data-testid="visits">
                      <For each={visits()}>
                        {(v) => (
                          <li class="row" data-testid="visit-item">
                            <div class="row-main">
                              <span class="row-title">
                                {formatDateTime(v.at, intlLocale())} · {nameOf(v.by)}
                              </span>
                              <span class="row-sub">{v.note}</span>
                              <Show when={v.needs}>
                                <span class="care-concern with-icon" data-testid="visit-concern">
                                  <IconAlert size={20} />
                                  {t('care.concernShort', { text: v.needs ?? '' })}
                                </span>
                              </Show>
                            </div>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </section>
                <CloseHousehold householdId={h().id} closed={h().status === 'closed'} />
              </>
            );
          }}
        </Show>
      </Show>
    </>
  );
}
