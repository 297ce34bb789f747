import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import type { MeetingState } from '../../../shared/folds/index.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { useRecentMinutes } from '../../domain/useMeetingMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { clockLabel, dayLabel } from '../../ui/dayLabel.ts';
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
  // The minutes of recent meetings only (at most 8, the ones the agenda opens for action items): the
  // list does not open a document per meeting. Those say whether the minutes are signed, and how
  // many decisions they hold; a meeting whose minutes are signed has been held, even today.
  const recent = useRecentMinutes(now);
  const minutesOf = createMemo(() => {
    const read = new Map<string, MinutesState>();
    for (const m of recent()) if (m.loaded()) read.set(m.meetingId, m.state());
    return read;
  });
  const held = createMemo(() => new Set([...minutesOf()].flatMap(([id, s]) => (s.locked ? [id] : []))));
  const split = createMemo(() => splitMeetings(view(), now(), held()));
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
          <time dateTime={new Date(m.startsAt).toISOString()}>
            <Show when={shanghaiDay(m.startsAt) === shanghaiDay(now())}>
              <strong class="meeting-today">{t('meetings.today')}</strong>{' '}
            </Show>
            {dayLabel(shanghaiDay(m.startsAt))} {clockLabel(m.startsAt)}
          </time>
          <span>{m.place}</span>
          <Show when={counts().get(m.meetingId)}>{(n) => <span>{t('meetings.topics', { n: n() })}</span>}</Show>
        </p>
        {/* A meeting not yet begun has no minutes to sign; one far back is not read (see above). */}
        <Show
          when={
            m.status === 'scheduled' && shanghaiDay(m.startsAt) <= shanghaiDay(now())
              ? minutesOf().get(m.meetingId)
              : undefined
          }
        >
          {(s) => (
            <p class="card-meta" data-testid="meeting-minutes-mark" data-signed={s().locked ? 'true' : 'false'}>
              <span class="strong">{t(s().locked ? 'meetings.minutesSigned' : 'meetings.minutesUnsigned')}</span>
              <Show when={s().decisions.length > 0}>
                <span>{t('meetings.decisionsCount', { n: s().decisions.length })}</span>
              </Show>
              <Show when={s().actionItems.length > 0}>
                <span>{t('meetings.actionsCount', { n: s().actionItems.length })}</span>
              </Show>
            </p>
          )}
        </Show>
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
