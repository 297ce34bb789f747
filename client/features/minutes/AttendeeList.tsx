import { For, Show } from 'solid-js';
import type { MinutesState } from '../../domain/useMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

type Attendee = MinutesState['attendees'][number];

/** Who signed in, in order, each with the party they sit for; someone signed in by another is marked as assisted. */
export function AttendeeList(props: { attendees: Attendee[]; nameOf: (memberId: string) => string }) {
  const name = (a: Attendee) => ('memberId' in a ? props.nameOf(a.memberId) : a.name);
  const assisted = (a: Attendee) => !('memberId' in a) || a.memberId !== a.by;
  return (
    <Show when={props.attendees.length > 0}>
      <ul class="rows minutes-attendees" data-testid="attendees">
        <For each={props.attendees}>
          {(a) => (
            <li class="row" data-testid="attendee" data-assisted={assisted(a)}>
              <span class="row-main">
                <span class="row-title">
                  {name(a)}
                  <Show when={!('memberId' in a)}>
                    <span class="tag">{t('minutes.guest')}</span>
                  </Show>
                </span>
                <span class="row-sub">
                  {t(`party.${a.party}` as MessageKey)}
                  <Show when={assisted(a)}>
                    {' · '}
                    <span data-testid="assisted-by">{t('minutes.assistedBy', { name: props.nameOf(a.by) })}</span>
                  </Show>
                </span>
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
