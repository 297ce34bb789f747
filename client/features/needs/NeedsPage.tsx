import { A } from '@solidjs/router';
import { For, type JSX, onMount, Show } from 'solid-js';
import { isCommittee, isPartner } from '../../../shared/roles.ts';
import { type ListingState, useNeeds } from '../../domain/useNeeds.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { ConflictNote } from '../../ui/ConflictNote.tsx';
import { IconChevron, IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { NeedCard } from './NeedCard.tsx';

/** The needs board: open, being done and done, as sections of big cards; a partner's own claims first. */
export default function NeedsPage() {
  const { session, path } = usePage();
  const { board, rivals, loaded } = useNeeds();
  // Photos left unsent by an earlier visit go up from here too.
  onMount(() => void import('../../media/uploadQueue.ts').then((q) => q.kickUploads()));
  const me = session.member.memberId;
  const partner = isPartner(session.member);
  const mine = () => [...board().claimed, ...board().done].filter((l) => l.claim?.by === me);
  // Needs this member claimed while another unit's claim, made offline at the same time, holds them.
  const lost = () => {
    const ids = new Set(rivals().flatMap((r) => (r.by === me ? [r.listingId] : [])));
    return [...board().claimed, ...board().done].filter((l) => ids.has(l.id) && l.claim?.by !== me);
  };
  const section = (id: string, title: string, list: ListingState[], empty: string): JSX.Element => (
    <section class="section" data-testid={`needs-${id}`} aria-labelledby={`needs-${id}-title`}>
      <h2 id={`needs-${id}-title`}>{t('needs.sectionCount', { title, n: list.length })}</h2>
      <Show when={list.length > 0} fallback={<p class="empty">{empty}</p>}>
        <ul class="cards">
          <For each={list}>{(l) => <NeedCard listing={l} href={path('needs', l.id)} mine={l.claim?.by === me} />}</For>
        </ul>
      </Show>
    </section>
  );
  return (
    <>
      <PageHeader title={t('needs.title')} />
      <p class="lead">{partner ? t('needs.introPartner', { unit: session.member.unit ?? '' }) : t('needs.intro')}</p>
      <Show when={isCommittee(session.member)}>
        <A href={path('needs', 'new')} class="btn btn-primary btn-block" data-testid="publish-need">
          <IconPlus size={24} />
          {t('needs.publish')}
        </A>
        <Show when={rivals().length > 0}>
          <ConflictNote testid="rival-claims" text={t('needs.rivals', { n: rivals().length })} />
        </Show>
      </Show>
      <Show when={partner && lost().length > 0}>
        <ConflictNote testid="claims-lost" text={t('needs.claimsLost', { n: lost().length })}>
          <ul class="link-list">
            <For each={lost()}>
              {(l) => (
                <li>
                  <A href={path('needs', l.id)} class="row row-link">
                    <span class="row-main">
                      <span class="row-title">{l.wish?.title}</span>
                      <Show when={l.claim}>
                        {(c) => <span class="row-sub">{t('needs.claimedBy', { unit: c().unitName })}</span>}
                      </Show>
                    </span>
                    <IconChevron size={24} />
                  </A>
                </li>
              )}
            </For>
          </ul>
        </ConflictNote>
      </Show>
      <Show when={partner && mine().length > 0}>{section('mine', t('needs.myClaims'), mine(), '')}</Show>
      <Show when={loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        {section('open', t('needs.open'), board().open, t('needs.noneOpen'))}
        {section('claimed', t('needs.claimed'), board().claimed, t('needs.noneClaimed'))}
        {section('done', t('needs.done'), board().done, t('needs.noneDone'))}
      </Show>
    </>
  );
}
