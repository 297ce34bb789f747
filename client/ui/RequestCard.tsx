import { A } from '@solidjs/router';
import { createMemo, type JSX, Show } from 'solid-js';
import type { ListedRequest } from '../../shared/folds/index.ts';
import { formatDate } from '../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../i18n/index.ts';
import { OverdueBadge, StageBadge, TurnBadge } from './badges.tsx';
import { IconImage } from './icons.tsx';

/**
 * One request in a list: the whole card is the link to its page. It shows plain data
 * (`listedRequest` of the fold's request, or the first screen a phone kept from its last visit).
 */
export function RequestCard(props: {
  request: ListedRequest;
  href: string;
  now: number;
  nameOf: (memberId: string) => string;
  /** Buttons under the link (a topic's at the meeting): the card stays one link above them. */
  children?: JSX.Element;
}) {
  const r = createMemo(() => props.request);
  return (
    <li class="card card-linked request-card" data-testid="request-item" data-id={r().id} data-stage={r().stage}>
      <A href={props.href} class="card-link">
        <h2 class="card-title">{r().title}</h2>
        <p class="card-status">
          <StageBadge request={r()} />
          <OverdueBadge deadline={r().deadline} now={props.now} />
        </p>
        <p class="card-meta">
          <span class="tag">{t(`category.${r().category}` as MessageKey)}</span>
          <Show when={r().snap}>
            <span class="tag" data-testid="snap-tag">
              {t('snap.tag')}
            </span>
          </Show>
          <Show when={r().building}>
            <span>{r().building}</span>
          </Show>
          <Show when={r().photoCount > 0}>
            <span class="with-icon">
              <IconImage size={20} />
              {t('agenda.photos', { n: r().photoCount })}
            </span>
          </Show>
          <TurnBadge turn={r().turn} />
        </p>
        <p class="card-meta">
          <span>{t('agenda.by', { name: r().raisedFor ?? props.nameOf(r().raisedBy) })}</span>
          <time dateTime={new Date(r().raisedAt).toISOString()}>{formatDate(r().raisedAt, intlLocale())}</time>
        </p>
      </A>
      <Show when={props.children}>
        <div class="card-actions">{props.children}</div>
      </Show>
    </li>
  );
}
