import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { formatDate } from '../../../shared/time.ts';
import type { ListingState } from '../../domain/useNeeds.ts';
import { intlLocale, t } from '../../i18n/index.ts';

/** One need on the board: what, for whom (masked), by when, and where it stands, in words. */
export function NeedCard(props: { listing: ListingState; href: string; mine?: boolean }) {
  const l = () => props.listing;
  return (
    <li class="card card-linked need-card" data-testid="need-item" data-id={l().id} data-status={l().status}>
      <A href={props.href} class="card-link">
        <h3 class="card-title">{l().wish?.title}</h3>
        <p class="card-status">
          <span class="stage" data-stage={l().status === 'done' ? 'closed' : 'open'}>
            {t(`needs.status.${l().status}`)}
          </span>
          <Show when={props.mine}>
            <span class="tag">{t('needs.mine')}</span>
          </Show>
        </p>
        <p class="card-meta">
          <Show when={l().wish?.forName}>{(name) => <span>{t('needs.for', { name: name() })}</span>}</Show>
          <Show when={l().wish?.due}>
            {(due) => <span>{t('needs.due', { date: formatDate(due(), intlLocale()) })}</span>}
          </Show>
          <Show when={l().claim}>{(c) => <span>{t('needs.claimedBy', { unit: c().unitName })}</span>}</Show>
        </p>
      </A>
    </li>
  );
}
