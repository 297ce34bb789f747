import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useCareTurns } from '../../../domain/useCare.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { IconAlert } from '../../../ui/icons.tsx';
import { dueText } from './careText.ts';
import './care.css';

/** Overdue care visits waiting on this committee member, each a link to its household; nothing when none. */
export function CareTurns() {
  const { path } = usePage();
  const turns = useCareTurns();
  return (
    <Show when={turns().length > 0}>
      <section class="section" aria-labelledby="care-turns-heading" data-testid="care-turns">
        <h2 id="care-turns-heading" class="turns-heading">
          {t('care.turns')}
        </h2>
        <ul class="link-list">
          <For each={turns()}>
            {(row) => (
              <li>
                <A
                  href={path('rosters', 'care', row.household.id)}
                  class="row row-link care-overdue"
                  data-testid="care-todo"
                  data-household={row.household.id}
                >
                  <span class="row-main">
                    <span class="row-title">
                      {row.household.label} · {row.household.building}
                    </span>
                    <span class="row-sub care-due with-icon">
                      <IconAlert size={22} />
                      {dueText(row)}
                    </span>
                  </span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** The count on the volunteers tab: overdue visits waiting on this member, in words for screen readers. */
export function CareTabBadge() {
  const turns = useCareTurns();
  return (
    <Show when={turns().length > 0}>
      <span class="tab-badge" data-testid="care-badge" data-count={turns().length}>
        <span aria-hidden="true">{turns().length}</span>
        <span class="visually-hidden">{t('care.badge', { n: turns().length })}</span>
      </span>
    </Show>
  );
}
