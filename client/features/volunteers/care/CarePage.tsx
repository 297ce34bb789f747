import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { careRows, closedHouseholds } from '../../../../shared/folds/index.ts';
import { now } from '../../../domain/clock.ts';
import { useCare, useCareLoaded } from '../../../domain/useCare.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { IconChevron, IconPlus } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { CareRowItem } from './CareRowItem.tsx';
import { CommitteeOnly } from './CommitteeOnly.tsx';

/** The committee's care list: households to visit, the most overdue first; closed ones folded away. */
export default function CarePage() {
  return (
    <CommitteeOnly>
      <CareList />
    </CommitteeOnly>
  );
}

function CareList() {
  const { path } = usePage();
  const care = useCare();
  const loaded = useCareLoaded();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const rows = createMemo(() => {
    const c = care();
    return c ? careRows(c, now()) : [];
  });
  const closed = createMemo(() => {
    const c = care();
    return c ? closedHouseholds(c) : [];
  });
  const overdue = () => rows().filter((r) => r.status.overdue).length;

  return (
    <>
      <PageHeader title={t('care.title')} back={path('rosters')} />
      <p class="muted">{t('care.private')}</p>
      <A href={path('rosters', 'care', 'new')} class="btn btn-primary btn-block" data-testid="new-household">
        <IconPlus size={28} />
        <span>{t('care.register')}</span>
      </A>
      <Show when={loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <section class="section" aria-labelledby="care-heading">
          <h2 id="care-heading">{t('care.listHeading')}</h2>
          <Show when={overdue() > 0}>
            <p class="note-warn" data-testid="care-overdue-count">
              {t('care.overdueCount', { n: overdue() })}
            </p>
          </Show>
          <Show when={rows().length > 0} fallback={<p class="empty">{t('care.empty')}</p>}>
            <ul class="link-list" data-testid="care-list">
              <For each={rows()}>
                {(row) => <CareRowItem row={row} href={path('rosters', 'care', row.household.id)} nameOf={nameOf} />}
              </For>
            </ul>
          </Show>
        </section>
        <Show when={closed().length > 0}>
          <details class="filters">
            <summary>
              <span>{t('care.closedHeading', { n: closed().length })}</span>
              <IconChevron size={24} />
            </summary>
            <ul class="link-list" data-testid="care-closed">
              <For each={closed()}>
                {(h) => (
                  <li>
                    <A href={path('rosters', 'care', h.id)} class="row row-link">
                      <span class="row-main">
                        <span class="row-title">
                          {h.label} · {h.building}
                        </span>
                        <span class="row-sub">{t('care.closedBecause', { reason: h.closedReason ?? '' })}</span>
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </details>
        </Show>
      </Show>
    </>
  );
}
