import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { listedRequest } from '../../../../shared/folds/index.ts';
import { now } from '../../../domain/clock.ts';
import { useGrid } from '../../../domain/useGrid.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { IconChevron } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RequestCard } from '../../../ui/RequestCard.tsx';
import { GridRegisterForm } from './GridRegisterForm.tsx';
import { postTitle } from './postTitle.ts';
import { registrationText } from './registrationText.ts';

/** 我的网格: where I registered (微网格报到), the posts I hold with their open requests, and every building. */
export default function MyGridPage() {
  const { session, path } = usePage();
  const grid = useGrid();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const [editing, setEditing] = createSignal(false);
  const buildingPath = (b: string) => path('rosters', 'grid', encodeURIComponent(b));

  return (
    <>
      <PageHeader title={t('grid.title')} back={path('rosters')} />
      <Show when={session.doc('public').ready()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <section class="section" aria-labelledby="grid-mine-heading">
          <h2 id="grid-mine-heading">{t('grid.myRegistration')}</h2>
          <Show
            when={!editing() && grid().mine?.building ? grid().mine : undefined}
            fallback={<GridRegisterForm grid={grid()} held={grid().mine} onDone={() => setEditing(false)} />}
          >
            {(mine) => (
              <>
                <p class="grid-registered" data-testid="grid-registration">
                  {t('grid.registeredAt', { place: registrationText(mine()) })}
                </p>
                <button type="button" class="btn btn-secondary btn-block" onClick={() => setEditing(true)}>
                  {t('grid.change')}
                </button>
              </>
            )}
          </Show>
        </section>
        <For each={grid().myPosts}>
          {({ post, requests }) => (
            <section class="section" data-testid="my-post" data-role={post.role}>
              <h2 data-testid="post-title">{postTitle(post)}</h2>
              <h3>{t('grid.openRequests')}</h3>
              <Show when={requests.length > 0} fallback={<p class="empty">{t('grid.noOpenRequests')}</p>}>
                <ul class="cards" data-testid="lead-requests">
                  <For each={requests}>
                    {(r) => (
                      <RequestCard request={listedRequest(r)} href={path('agenda', r.id)} now={now()} nameOf={nameOf} />
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          )}
        </For>
        <section class="section" aria-labelledby="grid-buildings-heading">
          <h2 id="grid-buildings-heading">{t('grid.buildings')}</h2>
          <Show when={grid().buildings.length > 0} fallback={<p class="empty">{t('grid.noBuildings')}</p>}>
            <ul class="link-list" data-testid="grid-buildings">
              <For each={grid().buildings}>
                {(b) => {
                  const lead = () => grid().building(b).lead;
                  return (
                    <li>
                      <A href={buildingPath(b)} class="row row-link" data-testid="grid-building" data-building={b}>
                        <span class="row-main">
                          <span class="row-title">{b}</span>
                          <span class="row-sub">
                            {lead()?.holder
                              ? t('grid.leadIs', { name: nameOf(lead()?.holder?.memberId ?? '') })
                              : t('grid.noLead')}
                          </span>
                        </span>
                        <IconChevron size={24} />
                      </A>
                    </li>
                  );
                }}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
    </>
  );
}
