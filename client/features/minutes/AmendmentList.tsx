import { For, Show } from 'solid-js';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { intlLocale, t } from '../../i18n/index.ts';

/** Corrections made after the lock, each with who made it and when. */
export function AmendmentList(props: { amendments: MinutesState['amendments']; nameOf: (id: string) => string }) {
  return (
    <Show when={props.amendments.length > 0}>
      <ol class="minutes-entries" data-testid="amendments">
        <For each={props.amendments}>
          {(a) => (
            <li class="minutes-entry minutes-amendment" data-testid="amendment">
              <p class="minutes-entry-about">
                {t('minutes.amendedBy', { name: props.nameOf(a.by), time: formatDateTime(a.at, intlLocale()) })}
              </p>
              <p class="minutes-entry-text">{a.note}</p>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
