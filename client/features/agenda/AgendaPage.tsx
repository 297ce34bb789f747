import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { type Category, categories } from '../../../shared/events/request.ts';
import {
  filterRequests,
  type ListQuery,
  type ListTab,
  listTabs,
  tabCounts,
  turnCounts,
} from '../../../shared/folds/agendaList.ts';
import { listedRequest, type Turn, turns } from '../../../shared/folds/index.ts';
import { ownsAction, unlinkedActionsOn } from '../../../shared/folds/minutesQueries.ts';
import { isCommittee, type Party, parties } from '../../../shared/roles.ts';
import {
  type AgendaFirstScreen,
  readAgendaFirstScreen,
  saveAgendaFirstScreen,
} from '../../domain/agendaFirstScreen.ts';
import { now } from '../../domain/clock.ts';
import { useCareTurns } from '../../domain/useCare.ts';
import { useLedgerTodos } from '../../domain/useLedger.ts';
import { type MyActionTodo, useActionTodos } from '../../domain/useMeetingMinutes.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRequests } from '../../domain/usePublicView.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { turnLabel } from '../../ui/badges.tsx';
import { IconChevron, IconClock, IconPlus, IconSearch } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequestCard } from '../../ui/RequestCard.tsx';
import { LedgerTurns } from '../ledger/parts.ts';
import { MeetingTurns } from '../minutes/parts.ts';
import { CareTurns } from '../volunteers/parts.ts';
import { AgendaFilters, type FilterPatch } from './AgendaFilters.tsx';
import { JustRaised } from './JustRaised.tsx';
import { SetupChecklist } from './SetupChecklist.tsx';
import { SnapButton } from './snap/SnapButton.tsx';

const PAGE = 30;
/** What a phone shows above the fold, with room to spare; the rest of the first page follows a frame later. */
const FIRST_SCREEN = 8;
const mainTabs = ['open', 'mine', 'overdue', 'all'] as const satisfies readonly ListTab[];
const stageTabs: ListTab[] = ['raised', 'deliberating', 'working', 'rating', 'reopened', 'ended'];

type Params = FilterPatch;

export default function AgendaPage() {
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const requests = useRequests();
  const members = useMembers();
  // 我的 also holds what waits on my party in the ledger.
  const ledgerTodos = useLedgerTodos();
  // ...and the action items recent minutes gave this member or their party; 等谁办 lists a party's
  // items that are tied to no request beside the requests waiting on it.
  const todos = useActionTodos(now);
  const actionTodos = todos.mine;
  // ...and, for committee members, the care visits that are overdue on them.
  const careTodos = useCareTurns();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const [params, setParams] = useSearchParams<Params>();
  const [search, setSearch] = createSignal('');
  const [limit, setLimit] = createSignal(FIRST_SCREEN);
  // The pickers under "filters" are built when first opened: folded, they are not on screen.
  const [filtersOpened, setFiltersOpened] = createSignal(false);
  // Photos left unsent are not on this screen: their queue's code loads after the list.
  onMount(() => void import('../../media/uploadQueue.ts').then((q) => q.kickUploads()));
  createEffect(
    on(publicDoc.loaded, (loaded) => {
      if (!loaded) return;
      const frame = requestAnimationFrame(() => setLimit((n) => Math.max(n, PAGE)));
      onCleanup(() => cancelAnimationFrame(frame));
    }),
  );

  const query = createMemo<ListQuery>(() => {
    const tab = (listTabs as readonly string[]).includes(params.f ?? '') ? (params.f as ListTab) : 'open';
    const category = (categories as readonly string[]).includes(params.c ?? '') ? (params.c as Category) : undefined;
    const turn = (turns as readonly string[]).includes(params.turn ?? '') ? (params.turn as Turn) : undefined;
    return { tab, building: params.b || undefined, category, turn, search: search() || undefined };
  });
  const viewer = () => ({ memberId: session.account.memberId, party: session.account.party, now: now() });
  const shown = createMemo(() => filterRequests(requests(), query(), viewer()));
  const counts = createMemo(() => tabCounts(requests(), { ...query(), tab: 'all' }, viewer()));
  const partyOf = (memberId: string) => members().byId.get(memberId)?.party;
  const waitingActions = (party: Party) => unlinkedActionsOn(todos.open(), party, partyOf);
  const requestTurns = createMemo(() => turnCounts(requests()));
  const turnTotals = createMemo(() => {
    const totals = { ...requestTurns() };
    for (const p of parties) totals[p] += waitingActions(p).length;
    return totals;
  });
  const partyTurn = () => parties.find((p) => p === query().turn);
  const mayMarkDone = (todo: MyActionTodo) =>
    isCommittee(session.member) ||
    ownsAction(todo.item, { memberId: session.member.memberId, party: session.member.party });
  const narrowed = () => Boolean(params.b || params.c || params.turn || stageTabs.includes(query().tab));
  /** Nothing narrows the list but its tab (the tab counts hold for any tab then). */
  const unnarrowed = () => {
    const q = query();
    return !q.building && !q.category && !q.turn && !q.search;
  };
  const unfiltered = () => unnarrowed() && query().tab === 'open';
  const tabCount = (tab: ListTab) =>
    counts()[tab] + (tab === 'mine' ? ledgerTodos().length + actionTodos().length + careTodos().length : 0);

  // Until the stored copy is open and folded (a second or more for a big compound), the first
  // screen this phone showed last time stands in for the unfiltered list (and its counts for the
  // tabs); another tab or a filter says "loading" meanwhile. It never returns once the live list
  // has shown (a copy reset from the relay shows "loading" instead).
  // On a first join the copy is empty until the document arrives (seconds on weak data): the relay's
  // first screen (`session.firstScreen`) stands in for it meanwhile, said as such.
  const live = publicDoc.ready;
  const stored: AgendaFirstScreen | undefined = live()
    ? undefined
    : readAgendaFirstScreen(session.account.compoundId, session.account.memberId);
  // The relay's is this first join's own; one kept on this phone may be weeks old (its copy evicted).
  const kept = (): AgendaFirstScreen | undefined => session.firstScreen() ?? stored;
  const [wasLive, setWasLive] = createSignal(live());
  createEffect(() => {
    if (live()) setWasLive(true);
  });
  const keptOpen = () => (!wasLive() ? kept() : undefined);
  const keptCounts = () => (unnarrowed() ? keptOpen()?.counts : undefined);
  const keptScreen = () => (unfiltered() ? keptOpen() : undefined);
  const keptName = (id: string) => kept()?.names[id] ?? t('agenda.unknownMember');
  const membersDoc = session.doc('members');
  createEffect(() => {
    // Kept once the names are known too, so the next visit does not say "unknown member".
    if (!live() || !membersDoc.loaded() || !unfiltered()) return;
    const cards = shown().slice(0, FIRST_SCREEN).map(listedRequest);
    const names: Record<string, string> = {};
    for (const c of cards) if (c.raisedFor === null) names[c.raisedBy] = nameOf(c.raisedBy);
    const screen: AgendaFirstScreen = {
      memberId: session.account.memberId,
      savedAt: Date.now(),
      counts: { open: tabCount('open'), mine: tabCount('mine'), overdue: tabCount('overdue'), all: tabCount('all') },
      turnTotals: { community: turnTotals().community, owners: turnTotals().owners, property: turnTotals().property },
      cards,
      names,
    };
    // Written once the list holds still (members' names and todos load a moment after requests).
    const timer = setTimeout(() => saveAgendaFirstScreen(session.account.compoundId, screen), 400);
    onCleanup(() => clearTimeout(timer));
  });

  const set = (patch: Params) => {
    setLimit(PAGE);
    setParams(patch, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('agenda.title')} />
      <SetupChecklist />
      <SnapButton>
        <A href={path('agenda', 'new')} class="btn btn-primary" data-testid="raise-request">
          <IconPlus size={28} />
          <span>{t('agenda.raise')}</span>
        </A>
      </SnapButton>
      <JustRaised />
      <Show when={live() || keptOpen()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <div class="search">
          <label class="visually-hidden" for="agenda-search">
            {t('agenda.search')}
          </label>
          <IconSearch size={26} />
          <input
            id="agenda-search"
            class="input"
            type="search"
            data-testid="agenda-search"
            placeholder={t('agenda.searchPlaceholder')}
            onInput={(e) => {
              // Pinyin being composed is not a search yet.
              if (!e.isComposing) {
                setLimit(PAGE);
                setSearch(e.currentTarget.value);
              }
            }}
            onCompositionEnd={(e) => setSearch(e.currentTarget.value)}
          />
        </div>
        <fieldset class="list-tabs" data-testid="agenda-tabs">
          <legend class="visually-hidden">{t('agenda.tabsLabel')}</legend>
          <For each={mainTabs}>
            {(tab) => (
              <button
                type="button"
                class="list-tab"
                aria-pressed={query().tab === tab}
                data-tab={tab}
                onClick={() => set({ f: tab === 'open' ? undefined : tab })}
              >
                <span>{t(`tab.${tab}` as MessageKey)}</span>
                <span class="list-tab-count with-icon">
                  <Show when={tab === 'overdue'}>
                    <IconClock size={20} />
                  </Show>
                  {live() ? tabCount(tab) : (keptCounts()?.[tab] ?? '')}
                </span>
              </button>
            )}
          </For>
        </fieldset>
        <section class="turns" aria-labelledby="turns-heading" data-testid="turns">
          <h2 id="turns-heading" class="turns-heading">
            {t('agenda.turns')}
          </h2>
          <div class="turn-buttons">
            <For each={parties}>
              {(turn) => (
                <button
                  type="button"
                  class="turn-button"
                  aria-pressed={query().turn === turn}
                  data-turn={turn}
                  onClick={() => set({ turn: query().turn === turn ? undefined : turn })}
                >
                  <span>{turnLabel(turn)}</span>
                  <span class="list-tab-count">
                    {live() ? turnTotals()[turn] : (keptOpen()?.turnTotals[turn] ?? '')}
                  </span>
                </button>
              )}
            </For>
          </div>
        </section>
        <Show when={partyTurn()}>
          {(party) => (
            <MeetingTurns
              todos={waitingActions(party())}
              heading={t('agenda.turnActions', { party: turnLabel(party()), n: waitingActions(party()).length })}
              testId="turn-actions"
              nameOf={nameOf}
              mayMarkDone={mayMarkDone}
            />
          )}
        </Show>
        <Show when={query().tab === 'mine'}>
          <LedgerTurns />
          <MeetingTurns todos={actionTodos()} />
          <CareTurns />
        </Show>
        <details
          class="filters"
          open={narrowed()}
          onToggle={(e) => {
            if (e.currentTarget.open) setFiltersOpened(true);
          }}
        >
          <summary>
            <span>{t('agenda.filters')}</span>
            <IconChevron size={24} />
          </summary>
          <Show when={live() && (filtersOpened() || narrowed())}>
            <AgendaFilters
              stageTabs={stageTabs}
              query={query()}
              requests={requests()}
              counts={counts()}
              turnTotals={turnTotals()}
              onChange={set}
            />
          </Show>
        </details>
        <Show when={live() || keptScreen()} fallback={<p class="muted">{t('app.loading')}</p>}>
          <Show
            when={live() ? requests().length > 0 : (keptScreen()?.counts.all ?? 0) > 0}
            fallback={<p class="empty">{t('agenda.empty')}</p>}
          >
            <div class="list-summary">
              <p class="muted" data-testid="agenda-count">
                {t('agenda.count', { n: live() ? shown().length : (keptScreen()?.counts.open ?? 0) })}
              </p>
              <Show when={narrowed() || search()}>
                <button
                  type="button"
                  class="btn btn-small btn-secondary"
                  onClick={() => {
                    set({ f: undefined, b: undefined, c: undefined, turn: undefined });
                  }}
                >
                  {t('agenda.clearFilters')}
                </button>
              </Show>
            </div>
            {/* Above the cards: the first thing read says these are not the phone's own list yet. */}
            <Show when={!live()}>
              <p class="muted list-updating" data-testid="agenda-updating" aria-live="polite">
                {t(keptOpen()?.from === 'relay' ? 'agenda.arriving' : 'agenda.updating')}
              </p>
            </Show>
            <Show
              when={live() ? shown().length > 0 : (keptScreen()?.cards.length ?? 0) > 0}
              fallback={<p class="empty">{t('agenda.noMatch')}</p>}
            >
              <ul class="cards" data-testid="request-list" data-filter={query().tab} data-live={String(live())}>
                <Show
                  when={live()}
                  fallback={
                    <For each={keptScreen()?.cards}>
                      {(r) => <RequestCard request={r} href={path('agenda', r.id)} now={now()} nameOf={keptName} />}
                    </For>
                  }
                >
                  <For each={shown().slice(0, limit())}>
                    {(r) => (
                      <RequestCard request={listedRequest(r)} href={path('agenda', r.id)} now={now()} nameOf={nameOf} />
                    )}
                  </For>
                </Show>
              </ul>
              <Show when={limit() >= PAGE && shown().length > limit()}>
                <button
                  type="button"
                  class="btn btn-secondary btn-block more-button"
                  onClick={() => setLimit((n) => n + PAGE)}
                >
                  {t('agenda.more', { n: Math.min(PAGE, shown().length - limit()) })}
                </button>
              </Show>
            </Show>
          </Show>
        </Show>
      </Show>
      <A
        href={path('agenda', 'snap', 'stats')}
        class="btn btn-secondary btn-block snap-stats"
        data-testid="snap-stats-link"
      >
        {t('snap.statsLink')}
      </A>
    </>
  );
}
