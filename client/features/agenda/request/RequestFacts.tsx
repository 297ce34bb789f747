import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { MeetingState, RequestState } from '../../../../shared/folds/index.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import type { PublicView } from '../../../domain/PublicFold.ts';
import { usePage } from '../../../domain/usePage.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoGrid } from '../../../media/PhotoGrid.tsx';
import { ConflictItem, ConflictNote } from '../../../ui/ConflictNote.tsx';
import { AskedEntry } from './AskedEntry.tsx';

/** What was raised, by whom and when, its meetings, words and photos, and any merge. */
export function RequestFacts(props: { request: RequestState; view: PublicView; nameOf: (id: string) => string }) {
  const { path } = usePage();
  const r = () => props.request;
  // Merges that do not stand: beside a final decision, or after the earliest one.
  const otherMerges = () => (r().stage === 'merged' ? r().merges.slice(1) : r().merges);
  const meeting = (id: string | null) => (id ? props.view.compound.meetings.meetings[id] : undefined);
  const meetingText = (m: MeetingState) =>
    `${t(`meetingKind.${m.kind}` as MessageKey)} · ${formatDateTime(m.startsAt, intlLocale())}`;
  return (
    <section class="section facts" aria-label={t('request.facts')}>
      <p class="card-meta">
        <span class="tag">{t(`category.${r().category}` as MessageKey)}</span>
        <Show when={r().priority}>{(p) => <span>{t(`priority.${p()}` as MessageKey)}</span>}</Show>
        <Show when={r().building}>{(b) => <span>{b()}</span>}</Show>
        <Show when={r().location}>{(l) => <span>{l()}</span>}</Show>
      </p>
      <p class="muted">
        {t('request.raisedBy', {
          name: props.nameOf(r().raisedBy),
          time: formatDateTime(r().raisedAt, intlLocale()),
        })}
        <Show when={r().raisedFor}>{(who) => <> · {t('agenda.recordedFor', { name: who() })}</>}</Show>
      </p>
      <Show when={r().ledgerRef}>{(ref) => <AskedEntry entry={ref()} />}</Show>
      <Show when={meeting(r().topicFor)}>
        {(m) => (
          <p>
            <A class="inline-link" href={path('meetings', m().meetingId)}>
              {t('request.topicFor', { meeting: meetingText(m()) })}
            </A>
          </p>
        )}
      </Show>
      <Show when={meeting(r().meetingId)}>
        {(m) => (
          <p>
            <A class="inline-link" href={path('meetings', m().meetingId)}>
              {t('request.meeting', { meeting: meetingText(m()) })}
            </A>
          </p>
        )}
      </Show>
      <Show when={r().detail}>{(d) => <p class="detail-text">{d()}</p>}</Show>
      <PhotoGrid hashes={r().photos} />
      <Show when={r().mergedInto}>
        {(into) => (
          <p>
            {t('request.mergedInto')}{' '}
            <A class="inline-link" href={path('agenda', into())}>
              {t('request.openSurvivor')}
            </A>
          </p>
        )}
      </Show>
      <Show when={otherMerges().length > 0}>
        <ConflictNote testid="concurrent-merges" text={t('request.concurrentMerges')}>
          <For each={otherMerges()}>
            {(m) => (
              <ConflictItem who={`${props.nameOf(m.by)} · ${formatDateTime(m.at, intlLocale())}`}>
                <p>
                  <A class="inline-link" href={path('agenda', m.intoId)}>
                    {props.view.compound.agenda.requests[m.intoId]?.title ?? t('request.openSurvivor')}
                  </A>
                </p>
              </ConflictItem>
            )}
          </For>
        </ConflictNote>
      </Show>
      <Show when={r().mergedFrom.length > 0}>
        <p class="muted">{t('request.mergedFrom', { n: r().mergedFrom.length })}</p>
      </Show>
    </section>
  );
}
