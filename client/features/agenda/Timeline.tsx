import { For, Show } from 'solid-js';
import type { RequestState, TimelineEntry } from '../../../shared/folds/index.ts';
import { formatDateTime, formatDay } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { listText } from '../../ui/listText.ts';
import { didNotStand } from './didNotStand.ts';
import { labelOf } from './forms/EditForm.tsx';

/** What an entry said, where the request's state still holds it (the latest decision, each note...). */
export function entryDetail(entry: TimelineEntry, r: RequestState, nameOf: (id: string) => string): string | null {
  const id = entry.eventId;
  switch (entry.type) {
    case 'request.decided': {
      // The standing decision, or one kept beside it (what it said is shown with the mark).
      const d = r.decision?.eventId === id ? r.decision : r.concurrentDecisions.find((x) => x.eventId === id);
      return d ? [t(`outcome.${d.outcome}` as MessageKey), d.note].filter(Boolean).join('：') : null;
    }
    case 'request.decision.upheld': {
      // 以这条为准: which decision it named, in its words.
      const named = r.upholdings.find((u) => u.eventId === id)?.decisionId;
      const d = [r.decision, ...r.concurrentDecisions].find((x) => x?.eventId === named);
      return d ? [t(`outcome.${d.outcome}` as MessageKey), d.note].filter(Boolean).join('：') : null;
    }
    case 'request.assigned': {
      const a = r.assignment;
      if (a?.eventId !== id) return null;
      return t('timeline.assigned', { owner: ownerLabel(a.owner, nameOf), date: formatDay(a.deadline, intlLocale()) });
    }
    case 'request.progressed':
      return r.progress.find((p) => p.eventId === id)?.note ?? null;
    case 'request.escalated': {
      const x = r.escalations.find((e) => e.eventId === id);
      return x ? [x.department ?? t(`escalate.${x.to}` as MessageKey), x.note].filter(Boolean).join('：') : null;
    }
    case 'request.answered':
      for (const x of r.escalations) {
        const a = x.answer?.eventId === id ? x.answer : x.concurrentAnswers.find((c) => c.eventId === id);
        if (a) return a.text;
      }
      return null;
    case 'request.completed':
      return r.completion?.eventId === id
        ? r.completion.result
        : (r.concurrentCompletions.find((c) => c.eventId === id)?.result ?? null);
    case 'request.rated': {
      const x = r.ratings.find((e) => e.eventId === id);
      return x ? [t('request.stars', { n: x.stars }), x.comment].filter(Boolean).join('：') : null;
    }
    case 'request.voted': {
      const x = r.votes.find((e) => e.eventId === id);
      return x ? t(`vote.${x.choice}` as MessageKey) : null;
    }
    case 'request.confirmed': {
      const x = r.confirmations.find((e) => e.eventId === id);
      return x?.onPaper ? t('request.paperNames', { names: listText(x.onPaper.names) }) : null;
    }
    case 'request.withdrawn':
      return r.withdrawal?.eventId === id ? r.withdrawal.reason : null;
    case 'request.edited': {
      const x = r.edits.find((e) => e.eventId === id);
      if (!x) return null;
      const lines = x.changes.map((c) =>
        t('timeline.edited', {
          field: t(labelOf(c.field)),
          before: c.before || t('timeline.editedNone'),
          after: c.after || t('timeline.editedNone'),
        }),
      );
      if (x.photos) lines.push(t('timeline.editedPhotos'));
      return lines.join('\n') || null;
    }
    default:
      return null;
  }
}

export function ownerLabel(owner: { party: string } | { memberId: string }, nameOf: (id: string) => string): string {
  return 'party' in owner ? t(`party.${owner.party}` as MessageKey) : nameOf(owner.memberId);
}

/** Every event of the request, oldest first: what, who, when (Asia/Shanghai). */
export function Timeline(props: { request: RequestState; nameOf: (id: string) => string }) {
  return (
    <ol class="timeline" data-testid="timeline">
      <For each={props.request.timeline}>
        {(entry) => (
          <li class="timeline-entry" data-type={entry.type}>
            <span class="timeline-what">{t(`event.${entry.type}` as MessageKey)}</span>
            <Show when={entryDetail(entry, props.request, props.nameOf)}>
              {(detail) => <span class="timeline-detail">{detail()}</span>}
            </Show>
            <Show when={didNotStand(entry, props.request)}>
              <span class="timeline-not-counted" data-testid="timeline-not-counted">
                {t('timeline.didNotStand')}
              </span>
            </Show>
            <span class="timeline-meta">
              {props.nameOf(entry.by)} ·{' '}
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, intlLocale())}</time>
            </span>
          </li>
        )}
      </For>
    </ol>
  );
}
