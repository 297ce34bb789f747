import { For, Show } from 'solid-js';
import type { Attendance } from '../../domain/useMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

const shown = ['community', 'owners', 'property', 'none'] as const;

/** Who signed in, by party, live; a three-party meeting also says whether all three are present. */
export function AttendancePanel(props: { attendance: Attendance; threeParty: boolean }) {
  const partyName = (p: string) => t(`party.${p}` as MessageKey);
  return (
    <div class="minutes-attendance" data-testid="attendance" data-total={props.attendance.total}>
      <p class="minutes-attendance-total">{t('minutes.attendance', { n: props.attendance.total })}</p>
      <ul class="minutes-parties">
        <For each={shown}>
          {(p) => (
            <li data-party={p} data-testid="attendance-party">
              <span class="minutes-party-name">{partyName(p)}</span>
              <span class="minutes-party-count">{props.attendance.byParty[p]}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.threeParty}>
        <p
          class="minutes-quorum"
          role="status"
          data-testid="three-parties"
          data-complete={props.attendance.missing.length === 0}
        >
          {props.attendance.missing.length === 0
            ? t('minutes.allParties')
            : t('minutes.missingParties', {
                parties: props.attendance.missing.map(partyName).join(t('minutes.listSeparator')),
              })}
        </p>
      </Show>
    </div>
  );
}
