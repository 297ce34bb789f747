import { For, Show } from 'solid-js';
import type { ActionItem, MinutesState } from '../../../shared/folds/foldMinutes.ts';
import { formatDateTime, formatDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { OverdueBadge } from '../../ui/badges.tsx';

export const ownerText = (owner: ActionItem['owner'], nameOf: (id: string) => string) =>
  'party' in owner ? t(`party.${owner.party}` as MessageKey) : nameOf(owner.memberId);

/** Action items: what, who owns it, by when, the request it becomes the assignment of, and whether it is done. */
export function ActionItemList(props: {
  items: ActionItem[];
  titleOf: (requestId: string) => string;
  nameOf: (memberId: string) => string;
  done?: MinutesState['actionsDone'];
  /** Whether this phone's member may mark the item done (its owner, or the committee). */
  mayMarkDone?: (item: ActionItem) => boolean;
  onDone?: (item: ActionItem) => void;
}) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="muted">{t('minutes.noActions')}</p>}>
      <ol class="minutes-entries">
        <For each={props.items}>
          {(a) => (
            <li class="minutes-entry" data-testid="action-item">
              <Show when={a.requestId}>{(id) => <p class="minutes-entry-about">{props.titleOf(id())}</p>}</Show>
              <p class="minutes-entry-text">{a.text}</p>
              <p>
                {t('minutes.actionOwner', {
                  owner: ownerText(a.owner, props.nameOf),
                  date: formatDay(a.deadline, intlLocale()),
                })}
              </p>
              <Show
                when={props.done && Object.hasOwn(props.done, a.eventId) ? props.done[a.eventId] : undefined}
                fallback={
                  <>
                    <p>
                      <OverdueBadge deadline={a.deadline} now={now()} />
                    </p>
                    <Show when={props.onDone && props.mayMarkDone?.(a)}>
                      <button
                        type="button"
                        class="btn btn-secondary action-done"
                        data-testid="action-done"
                        onClick={() => props.onDone?.(a)}
                      >
                        {t('minutes.actionDone')}
                      </button>
                    </Show>
                  </>
                }
              >
                {(d) => (
                  <p class="action-done-mark" data-testid="action-done-mark">
                    {t('minutes.actionDoneBy', {
                      name: props.nameOf(d().by),
                      time: formatDateTime(d().at, intlLocale()),
                    })}
                  </p>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
