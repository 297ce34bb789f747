import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { DutyState, TeamState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { dayLabel } from './format.ts';

/** One duty in a list: when, where, which team, how many places are left; marks in words, not colour. */
export function DutyCard(props: {
  duty: DutyState;
  team: TeamState | undefined;
  href: string;
  /** Where this member's own sign-up stands: a place, over-full (the lead settles it), standby. */
  mine?: 'in' | 'overfull' | 'standby';
  /** The duty has started: no more sign-ups, so no places to count. */
  started?: boolean;
  /** Sign-ups past the last slot, made offline, that the lead has to settle. */
  overfull?: number;
}) {
  const d = () => props.duty;
  return (
    <li class="card card-linked duty-card" data-testid="duty-item" data-id={d().id} data-status={d().status}>
      <A href={props.href} class="card-link">
        <h3 class="card-title">{d().title ?? props.team?.name ?? t('volunteers.unknownTeam')}</h3>
        <p class="card-status">
          <Show when={d().title && props.team}>
            <span class="tag">{props.team?.name}</span>
          </Show>
          <Show when={d().status === 'cancelled'}>
            <span class="stage" data-stage="closed">
              {t('volunteers.cancelled')}
            </span>
          </Show>
          <Show when={props.mine}>
            <span class="stage" data-testid="mine">
              <IconCheck size={20} />
              {t(
                props.mine === 'standby'
                  ? 'volunteers.mineStandby'
                  : props.mine === 'overfull'
                    ? 'volunteers.mineOverfull'
                    : 'volunteers.mine',
              )}
            </span>
          </Show>
          <Show when={(props.overfull ?? 0) > 0}>
            <span class="overfull" data-testid="overfull">
              <IconAlert size={20} />
              {t('volunteers.overfull', { n: props.overfull ?? 0 })}
            </span>
          </Show>
        </p>
        <p class="card-meta">
          <span>{dayLabel(d().day)}</span>
          <span>
            {d().start}–{d().end}
          </span>
          <span>{d().place}</span>
          <Show when={d().status === 'open'}>
            <span data-testid="free-slots">
              {props.started
                ? t('volunteers.started')
                : d().freeSlots > 0
                  ? t('volunteers.freeSlots', { n: d().freeSlots, of: d().slots })
                  : t('volunteers.full')}
            </span>
          </Show>
        </p>
      </A>
    </li>
  );
}
