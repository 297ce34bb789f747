import { useParams } from '@solidjs/router';
import { type Accessor, createMemo, onMount, Show } from 'solid-js';
import { applyActionItems } from '../../../shared/folds/agendaQueries.ts';
import type { RequestState } from '../../../shared/folds/index.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import type { PublicView } from '../../domain/PublicFold.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { type RequestMention, useRequestMinutes } from '../../domain/useMeetingMinutes.ts';
import { type Members, useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { t } from '../../i18n/index.ts';
import { kickUploads } from '../../media/uploadQueue.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import type { ActionContext } from './forms/context.ts';
import { ActionSheet } from './request/ActionSheet.tsx';
import { AnomaliesSection } from './request/AnomaliesSection.tsx';
import { DeliberationSection } from './request/DeliberationSection.tsx';
import { MeetingMentions } from './request/MeetingMentions.tsx';
import { RequestFacts } from './request/RequestFacts.tsx';
import { RequestSummary } from './request/RequestSummary.tsx';
import { ResultSection } from './request/ResultSection.tsx';
import { type OpenSheet, sheetFromUrl, sheetInUrl } from './request/requestActions.tsx';
import { StatusNotes } from './request/StatusNotes.tsx';
import './request.css';
import { TodoSection } from './request/TodoSection.tsx';
import { WorkSection } from './request/WorkSection.tsx';
import { Timeline } from './Timeline.tsx';

/** One request: where it stands, what to do now (each action one sheet away), and its whole record. */
export default function RequestPage() {
  const params = useParams<{ requestId: string }>();
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const view = usePublicView();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const raw = createMemo(() => view().compound.agenda.requests[params.requestId]);
  const mentions = useRequestMinutes(raw);
  // Action items of the meetings that took it up become its assignment.
  const request = createMemo(() => {
    const r = raw();
    const items = mentions().flatMap((m) => m.actions);
    return r && items.length > 0 ? applyActionItems({ requests: { [r.id]: r } }, items).requests[r.id] : r;
  });
  onMount(() => kickUploads());

  return (
    <Show
      when={request()}
      fallback={
        <>
          <PageHeader title={t('request.title')} back={path('agenda')} />
          <p class="empty">{publicDoc.ready() ? t('request.notFound') : t('app.loading')}</p>
        </>
      }
    >
      {(r) => <RequestView request={r()} view={view} nameOf={nameOf} members={members} mentions={mentions()} />}
    </Show>
  );
}

/** The request's sections top to bottom, and the one action sheet they open. */
function RequestView(props: {
  request: RequestState;
  view: Accessor<PublicView>;
  nameOf: (id: string) => string;
  members: Accessor<Members>;
  mentions: RequestMention[];
}) {
  const { session } = usePage();
  const r = () => props.request;
  // Every action sheet comes back with its draft after a reload: the camera, or a switch to WeChat on
  // a phone short of memory, may kill the tab.
  const {
    sheet,
    visit,
    restored,
    open: setSheet,
  } = createUrlSheet<OpenSheet>({
    toUrl: sheetInUrl,
    // Only while this member may still take it (the button's own test): completed meanwhile, it stays shut.
    fromUrl: (named, of) => sheetFromUrl(named, of, r(), session.member),
    ready: session.doc('public').ready,
  });
  const ctx = (): ActionContext => ({
    session,
    request: r(),
    view: props.view(),
    members: props.members().active,
    today: shanghaiDay(now()),
    visit: visit(),
    done: () => setSheet(undefined),
  });

  return (
    <article data-testid="request-page" data-id={r().id} data-stage={r().stage}>
      <RequestSummary request={r()} />
      <RequestFacts request={r()} view={props.view()} nameOf={props.nameOf} />
      <TodoSection request={r()} onAction={setSheet} />
      <DeliberationSection request={r()} nameOf={props.nameOf} />
      <MeetingMentions mentions={props.mentions} view={props.view()} nameOf={props.nameOf} />
      <WorkSection request={r()} nameOf={props.nameOf} onAction={setSheet} />
      <ResultSection request={r()} nameOf={props.nameOf} />
      <StatusNotes request={r()} />
      <AnomaliesSection view={props.view()} requestId={r().id} nameOf={props.nameOf} />
      <section class="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('request.timeline')}</h2>
        <Timeline request={r()} nameOf={props.nameOf} />
      </section>
      <ActionSheet open={sheet()} onClose={() => setSheet(undefined)} ctx={ctx()} restored={restored()} />
    </article>
  );
}
