import { A, useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { buildingKey, type GridPost, listedRequest } from '../../../../shared/folds/index.ts';
import { mayAppend } from '../../../../shared/rules/permissions.ts';
import { now } from '../../../domain/clock.ts';
import { useGrid } from '../../../domain/useGrid.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { IconPlus } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { RequestCard } from '../../../ui/RequestCard.tsx';
import { buildingParam } from './buildingParam.ts';
import { NeighbourLeadRow } from './NeighbourLeadRow.tsx';
import { PostConflict } from './PostConflict.tsx';

/** One building's micro-grid: who serves whom, who registered here, and for its leads their open requests. */
export default function BuildingPage() {
  const params = useParams<{ building: string }>();
  const { session, path } = usePage();
  const grid = useGrid();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const building = () => buildingParam(params.building);
  const here = createMemo(() => grid().building(building()));
  const committee = () => mayAppend('grid.building-lead.named', session.member);
  const namePath = (role: string, memberId?: string) =>
    `${path('rosters', 'grid', encodeURIComponent(building()), 'name')}?role=${role}${memberId ? `&member=${memberId}` : ''}`;
  const mine = createMemo(() =>
    grid().myPosts.filter(({ post }) => buildingKey(post.building) === buildingKey(building())),
  );
  const party = () => here().registered.filter((p) => p.tags.includes('party-member'));

  return (
    <>
      <PageHeader title={building()} back={path('rosters', 'grid')} />
      <section class="section" aria-labelledby="lead-heading" data-testid="building-lead">
        <h2 id="lead-heading">{t('grid.buildingLead')}</h2>
        <Show when={here().lead?.conflict && here().lead} keyed>
          {(post: GridPost) => <PostConflict post={post} nameOf={nameOf} committee={committee()} />}
        </Show>
        <p class="grid-lead-name" data-testid="lead-name">
          {here().lead?.holder ? nameOf(here().lead?.holder?.memberId ?? '') : t('grid.noLead')}
        </p>
        <Show when={committee()}>
          <A href={namePath('building')} class="btn btn-secondary btn-block" data-testid="name-building-lead">
            {here().lead?.holder ? t('grid.replaceLead') : t('grid.nameLead')}
          </A>
        </Show>
      </section>
      <section class="section" aria-labelledby="neighbour-heading">
        <h2 id="neighbour-heading">{t('grid.neighbourLeads')}</h2>
        <Show when={here().neighbourLeads.length > 0} fallback={<p class="empty">{t('grid.noNeighbourLeads')}</p>}>
          <ul class="rows" data-testid="neighbour-leads">
            <For each={here().neighbourLeads}>
              {(post) => (
                <NeighbourLeadRow
                  post={post}
                  nameOf={nameOf}
                  editHref={committee() ? namePath('neighbour', post.memberId ?? '') : undefined}
                />
              )}
            </For>
          </ul>
        </Show>
        <Show when={committee()}>
          <A
            href={namePath('neighbour')}
            class="btn btn-secondary btn-block more-button"
            data-testid="name-neighbour-lead"
          >
            <IconPlus size={24} />
            <span>{t('grid.nameNeighbourLead')}</span>
          </A>
        </Show>
      </section>
      <For each={mine()}>
        {({ requests }) => (
          <section class="section" aria-labelledby="lead-requests-heading">
            <h2 id="lead-requests-heading">{t('grid.openRequests')}</h2>
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
      <section class="section" aria-labelledby="registered-heading">
        <h2 id="registered-heading">
          {t('grid.registeredHere', { n: here().registered.length, party: party().length })}
        </h2>
        <Show when={here().registered.length > 0} fallback={<p class="empty">{t('grid.nobodyRegistered')}</p>}>
          <ul class="rows" data-testid="registered">
            <For each={here().registered}>
              {(p) => (
                <li class="row">
                  <span class="row-main">
                    <span class="row-title">{nameOf(p.memberId)}</span>
                    <Show when={p.unit}>
                      <span class="row-sub">{p.unit}</span>
                    </Show>
                  </span>
                  <Show when={p.tags.includes('party-member')}>
                    <span class="tag">{t('grid.partyMemberShort')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
