import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { type CadenceStatus, cadenceLimits, meetingCadence } from '../../../shared/folds/index.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDate, shanghaiDay, shanghaiDayStart } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { IconAlert } from '../../ui/icons.tsx';
import './meetings.css';

const DAY = 86_400_000;

/** Calendar days in Asia/Shanghai from one time to another, as people count them. */
const daysBetween = (from: number, to: number) =>
  Math.round((shanghaiDayStart(shanghaiDay(to)) - shanghaiDayStart(shanghaiDay(from))) / DAY);

/**
 * Warns when a three-party meeting or an owners' assembly is overdue (or planned too late), with
 * a button to schedule one. A kind never held is warned of only once the compound is older than its limit.
 */
export function CadenceBanner() {
  const { session, path } = usePage();
  const view = usePublicView();
  // The compound's first event by time: the log's first is where Yjs put it (by client id), and a
  // phone offline since day one can put its events first. Looked up only for a kind never held.
  const firstAt = (fallback: number) => {
    let first = fallback;
    for (const raw of session.doc('public').events()) {
      const at = (raw as { at?: unknown } | null)?.at;
      if (typeof at === 'number' && at < first) first = at;
    }
    return first;
  };
  const warnings = createMemo(() => {
    const at = now();
    let first: number | undefined;
    return meetingCadence(view().compound, at).filter((c) => {
      const limit = cadenceLimits[c.kind] ?? 0;
      if (c.lastHeld === null) {
        if (c.next !== null) return false;
        first ??= firstAt(at);
        return at - first > limit;
      }
      return (c.overdue && c.next === null) || c.nextIsLate;
    });
  });
  const kindName = (c: CadenceStatus) => t(`meetingKind.${c.kind}` as MessageKey);
  // "At least once a quarter" as people say it, not the rule's 92 days.
  const every = (c: CadenceStatus) => t(`cadence.every.${c.kind}` as MessageKey);
  const text = (c: CadenceStatus) => {
    const params = { kind: kindName(c), every: every(c) };
    if (c.lastHeld === null) return t('cadence.never', params);
    if (c.next && c.nextIsLate)
      return t('cadence.nextLate', {
        kind: kindName(c),
        date: formatDate(c.next.startsAt, intlLocale()),
        due: formatDate(c.dueBy ?? 0, intlLocale()),
      });
    return t('cadence.overdue', {
      ...params,
      days: daysBetween(c.lastHeld.startsAt, now()),
      last: formatDate(c.lastHeld.startsAt, intlLocale()),
    });
  };

  return (
    <For each={warnings()}>
      {(c) => (
        <div class="cadence-warning" role="note" data-testid="cadence-warning" data-kind={c.kind}>
          <IconAlert size={24} />
          <div>
            <p>{text(c)}</p>
            <Show when={mayAppend('meeting.scheduled', session.member)}>
              <A
                href={`${path('meetings', 'new')}?kind=${c.kind}`}
                class="btn btn-primary btn-block"
                data-testid="cadence-schedule"
              >
                {t('cadence.schedule', { kind: kindName(c) })}
              </A>
            </Show>
          </div>
        </div>
      )}
    </For>
  );
}
