import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { listedRequest } from '../../../shared/folds/index.ts';
import { isCommittee } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RequestCard } from '../../ui/RequestCard.tsx';
import { MinutesSection } from '../minutes/parts.ts';
import { AddTopicForm } from './AddTopicForm.tsx';
import { orderTopics } from './actions.ts';
import { MeetingActions, type MeetingSheet } from './MeetingActions.tsx';
import { meetingName } from './MeetingsPage.tsx';
import { topicsOf } from './selectors.ts';
import { TopicOrderList } from './TopicOrderList.tsx';
import './meetings.css';

export default function MeetingPage() {
  const params = useParams<{ meetingId: string }>();
  const [search] = useSearchParams<{ signin?: string }>();
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const view = usePublicView();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const meeting = createMemo(() => view().compound.meetings.meetings[params.meetingId]);
  const topics = createMemo(() => topicsOf(view(), params.meetingId));
  const [ordering, setOrdering] = createSignal(false);
  // Signed off and locked minutes mean the meeting was held: nothing is left to move, cancel or add to
  // it. Undefined until the minutes are read: nothing is offered that might be taken back a moment later.
  const [held, setHeld] = createSignal<boolean | undefined>(undefined);
  const upcoming = () => meeting()?.status === 'scheduled' && held() === false;
  const mayOrder = () => mayAppend('meeting.topics.ordered', session.member) && topics().length > 1;
  // A move or cancellation half typed comes back after a reload, while the buttons are still offered.
  const mayChange = () =>
    mayAppend('meeting.cancelled', session.member) && meeting()?.status === 'scheduled' && held() === false;
  const sheets = createUrlSheet<MeetingSheet>({
    toUrl: (s) => ({ sheet: s }),
    fromUrl: (named) => ((named === 'move' || named === 'cancel') && mayChange() ? named : undefined),
    // Whether it was held is known once its minutes are read.
    ready: () => publicDoc.ready() && (meeting()?.status !== 'scheduled' || held() !== undefined),
  });
  // The QR opens this page with ?signin=1: the phone's camera hands the link to the installed app or the browser.
  const signInLink = (id: string) => `${location.origin}${path('meetings', id)}?signin=1`;

  return (
    <Show
      when={meeting()}
      fallback={
        <>
          <PageHeader title={t('meetings.title')} back={path('meetings')} />
          <p class="empty">{publicDoc.ready() ? t('meetings.notFound') : t('app.loading')}</p>
        </>
      }
    >
      {(m) => (
        <article data-testid="meeting-page" data-id={m().meetingId}>
          <PageHeader title={meetingName(m())} back={path('meetings')} />
          <p class="card-status">
            <Show when={m().title}>
              <span class="tag">{t(`meetingKind.${m().kind}` as MessageKey)}</span>
            </Show>
            <Show when={m().status === 'cancelled'}>
              <span class="stage" data-stage="closed">
                {t('meetings.cancelled')}
              </span>
            </Show>
          </p>
          <p class="lead">
            <time dateTime={new Date(m().startsAt).toISOString()}>{formatDateTime(m().startsAt, intlLocale())}</time>
            {' · '}
            {m().place}
          </p>
          <Show when={held() === true}>
            <p class="field-hint" data-testid="meeting-held">
              {t('meetings.held')}
            </p>
          </Show>
          {/* Quick capture writes requests down for residents at the meeting: the recorder's tool, not a resident's. */}
          <Show when={upcoming() && isCommittee(session.member)}>
            <A
              href={path('meetings', m().meetingId, 'capture')}
              class="btn btn-secondary btn-block"
              data-testid="meeting-mode"
            >
              {t('meetings.mode')}
            </A>
            <p class="field-hint">{t('meetings.modeHint')}</p>
          </Show>
          <Show when={mayAppend('meeting.cancelled', session.member)}>
            <MeetingActions meeting={m()} held={held() !== false} sheets={sheets} />
          </Show>
          <Show when={m().status === 'cancelled' && m().cancelReason}>
            {(reason) => <p class="field-hint">{t('meetings.cancelledBecause', { reason: reason() })}</p>}
          </Show>
          <Show when={m().cancellations.length > 1}>
            <p class="note-warn" data-testid="meeting-cancelled-also">
              {t('meetings.alsoCancelled', {
                reasons: m()
                  .cancellations.slice(1)
                  .map((c) => c.reason)
                  .join(' / '),
              })}
            </p>
          </Show>
          <Show when={m().status !== 'cancelled' && m().meetingId} keyed>
            {(meetingId) => (
              <MinutesSection
                meetingId={meetingId}
                kind={m().kind}
                startsAt={m().startsAt}
                signInLink={signInLink(meetingId)}
                signInPrompt={search.signin === '1'}
                registerHref={path('meetings', 'units')}
                onLocked={setHeld}
              />
            )}
          </Show>
          <section class="section" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{t('meetings.topicsHeading', { n: topics().length })}</h2>
            <Show when={upcoming()}>
              <AddTopicForm meetingId={m().meetingId} />
            </Show>
            <p class="field-hint">{t(m().topicOrder ? 'meetings.topicsOrdered' : 'meetings.topicsOrder')}</p>
            <Show when={upcoming() && mayOrder()}>
              <button
                type="button"
                class="btn btn-secondary btn-block topic-order-toggle"
                aria-pressed={ordering()}
                data-testid="topic-order-toggle"
                onClick={() => setOrdering((o) => !o)}
              >
                {t(ordering() ? 'meetings.topicOrderDone' : 'meetings.topicOrderStart')}
              </button>
            </Show>
            <Show when={topics().length > 0} fallback={<p class="empty">{t('meetings.noTopics')}</p>}>
              <Show
                when={ordering() && mayOrder() && upcoming()}
                fallback={
                  <ul class="cards" data-testid="meeting-topics">
                    <For each={topics()}>
                      {(r) => (
                        <RequestCard
                          request={listedRequest(r)}
                          href={path('agenda', r.id)}
                          now={now()}
                          nameOf={nameOf}
                        />
                      )}
                    </For>
                  </ul>
                }
              >
                <TopicOrderList
                  topics={topics()}
                  onOrder={(ids) => {
                    // Cancelled meanwhile (the list then closes): the relay would refuse the order.
                    if (m().status === 'scheduled') orderTopics(session, m().meetingId, ids);
                  }}
                />
              </Show>
            </Show>
          </section>
        </article>
      )}
    </Show>
  );
}
