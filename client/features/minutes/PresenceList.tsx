import { For, Show } from 'solid-js';
import type { Present } from '../../domain/usePresence.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

/**
 * Who has the minutes open now, each in their colour, with the line their caret is on; those gone
 * quiet or into the background this visit stay, greyed, as 暂时离开.
 */
export function PresenceList(props: { present: Present[] }) {
  return (
    <Show when={props.present.length > 0}>
      <div class="minutes-presence">
        <p class="minutes-presence-title">{t('minutes.present', { n: props.present.filter((p) => !p.away).length })}</p>
        <ul class="minutes-people" data-testid="presence">
          <For each={props.present}>
            {(p) => (
              <li
                class="minutes-person"
                data-colour={p.colour}
                data-testid="present"
                data-self={p.self}
                data-away={p.away}
              >
                <span class="minutes-dot" aria-hidden="true" />
                <span>
                  {p.name}
                  <Show when={p.self}>{t('minutes.me')}</Show>
                </span>
                <span class="minutes-person-party">{t(`party.${p.party}` as MessageKey)}</span>
                <Show when={p.away}>
                  <span class="minutes-person-away" data-testid="present-away">
                    {t('minutes.away')}
                  </span>
                </Show>
                <Show when={p.line !== null}>
                  <span class="minutes-person-line" data-testid="present-line">
                    {t('minutes.atLine', { line: p.line ?? 0 })}
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
