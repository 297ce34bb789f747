import { A, useParams, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { isCommittee } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MinutesSection } from '../minutes/parts.ts';
import { MeetingActions, type MeetingSheet } from './MeetingActions.tsx';
import { meetingName } from './MeetingsPage.tsx';
import { MeetingTopics } from './MeetingTopics.tsx';
import { topicsOf } from './selectors.ts';
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
  // Signed off and locked minutes mean the meeting was held: nothing is left to move, cancel or add to
  // it. Undefined until the minutes are read: nothing is offered that might be taken back a moment later.
  const [held, setHeld] = createSignal<boolean | undefined>(undefined);
  const upcoming = () => meeting()?.status === 'scheduled' && held() === false;
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
                topics={(discussion) => (
                  <MeetingTopics
                    meeting={m()}
                    topics={topics()}
                    upcoming={upcoming()}
                    discussion={discussion}
                    nameOf={nameOf}
                  />
                )}
              />
            )}
          </Show>
          <Show when={m().status === 'cancelled'}>
            <MeetingTopics meeting={m()} topics={topics()} upcoming={false} nameOf={nameOf} />
          </Show>
        </article>
      )}
    </Show>
  );
}
