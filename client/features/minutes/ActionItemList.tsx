import { For, Show } from 'solid-js';
import type { ActionItem } from '../../../shared/folds/foldMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

export const ownerText = (owner: ActionItem['owner'], nameOf: (id: string) => string) =>
  'party' in owner ? t(`party.${owner.party}` as MessageKey) : nameOf(owner.memberId);

/** Action items: what, who owns it, by when, and the request it becomes the assignment of. */
export function ActionItemList(props: {
  items: ActionItem[];
  titleOf: (requestId: string) => string;
  nameOf: (memberId: string) => string;
}) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="muted">{t('minutes.noActions')}</p>}>
      <ol class="minutes-entries">
        <For each={props.items}>
          {(a) => (
            <li class="minutes-entry" data-testid="action-item">
              <Show when={a.requestId}>{(id) => <p class="minutes-entry-about">{props.titleOf(id())}</p>}</Show>
              <p class="minutes-entry-text">{a.text}</p>
              <p>{t('minutes.actionOwner', { owner: ownerText(a.owner, props.nameOf), date: a.deadline })}</p>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
