import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { MeetingState } from '../../../shared/folds/index.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CadenceBanner } from './CadenceBanner.tsx';
import { splitMeetings, topicCounts } from './selectors.ts';

const PAST_PAGE = 20;

export function meetingName(m: MeetingState): string {
  return m.title ?? t(`meetingKind.${m.kind}` as MessageKey);
}

export default function MeetingsPage() {
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const view = usePublicView();
  const split = createMemo(() => splitMeetings(view(), now()));
  const counts = createMemo(() => topicCounts(view()));
  const [pastLimit, setPastLimit] = createSignal(PAST_PAGE);

  const card = (m: MeetingState) => (
    <li class="card card-linked" data-testid="meeting-item" data-id={m.meetingId} data-status={m.status}>
      <A href={path('meetings', m.meetingId)} class="card-link">
        <h3 class="card-title">{meetingName(m)}</h3>
        <p class="card-status">
          <Show when={m.title}>
            <span class="tag">{t(`meetingKind.${m.kind}` as MessageKey)}</span>
          </Show>
          <Show when={m.status === 'cancelled'}>
            <span class="stage" data-stage="closed">
              {t('meetings.cancelled')}
            </span>
          </Show>
        </p>
        <p class="card-meta">
          <time dateTime={new Date(m.startsAt).toISOString()}>{formatDateTime(m.startsAt, intlLocale())}</time>
          <span>{m.place}</span>
          <span>{t('meetings.topics', { n: counts().get(m.meetingId) ?? 0 })}</span>
        </p>
      </A>
    </li>
  );

  return (
    <>
      <PageHeader title={t('meetings.title')} />
      <Show when={mayAppend('meeting.scheduled', session.member)}>
        {/* Apart, not touching: two big buttons one above the other invite a mis-tap. */}
        <div class="stack">
          <A href={path('meetings', 'new')} class="btn btn-primary btn-block" data-testid="schedule-meeting">
            <IconPlus size={28} />
            <span>{t('meetings.schedule')}</span>
          </A>
          <A href={path('meetings', 'units')} class="btn btn-secondary btn-block" data-testid="units-link">
            {t('units.title')}
          </A>
        </div>
      </Show>
      <Show when={publicDoc.ready()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <CadenceBanner />
        <section class="section" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">{t('meetings.upcoming')}</h2>
          <Show when={split().upcoming.length > 0} fallback={<p class="empty">{t('meetings.empty')}</p>}>
            <ul class="cards" data-testid="meetings-upcoming">
              <For each={split().upcoming}>{card}</For>
            </ul>
          </Show>
        </section>
        <Show when={split().past.length > 0}>
          <section class="section" aria-labelledby="past-heading">
            <h2 id="past-heading">{t('meetings.past')}</h2>
            <ul class="cards" data-testid="meetings-past">
              <For each={split().past.slice(0, pastLimit())}>{card}</For>
            </ul>
            <Show when={split().past.length > pastLimit()}>
              <button
                type="button"
                class="btn btn-secondary btn-block more-button"
                onClick={() => setPastLimit((n) => n + PAST_PAGE)}
              >
                {t('agenda.more', { n: Math.min(PAST_PAGE, split().past.length - pastLimit()) })}
              </button>
            </Show>
          </section>
        </Show>
      </Show>
    </>
  );
}
