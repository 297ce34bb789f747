import { For, Show } from 'solid-js';
import type { DutyState, Signup } from '../../../shared/folds/index.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { hoursText } from './format.ts';

const time = (ms: number) => formatDateTime(ms, intlLocale());

/** A button of a row: what it says and does. */
interface RowAction {
  testId: string;
  label: MessageKey;
  run: () => void;
}

/** Where one volunteer stands on a duty: coming, on duty, served; phone-only times and a correction said in words. */
export function SignupRow(props: {
  duty: DutyState;
  memberId: string;
  signup: Signup;
  nameOf: (id: string) => string;
  /** Set when this member may correct the times. */
  onCorrect?: () => void;
  /** Set when this member may take this volunteer's standby back (取消候补). */
  onUndoStandby?: () => void;
}) {
  const s = () => props.signup;
  const actions = () => {
    const all: Partial<RowAction>[] = [
      { testId: 'undo-standby', label: 'volunteers.undoStandby', run: props.onUndoStandby },
      { testId: 'correct', label: 'volunteers.correct', run: props.onCorrect },
    ];
    return all.filter((a): a is RowAction => a.run !== undefined);
  };
  const status = () =>
    s().minutes !== null
      ? t('volunteers.served', { time: hoursText(s().minutes ?? 0) })
      : s().checkedInAt !== null
        ? t('volunteers.onDuty', { time: time(s().checkedInAt ?? 0) })
        : t('volunteers.coming');
  return (
    <li class="row" data-testid="signup-item" data-member={props.memberId}>
      <div class="row-main">
        <span class="row-title">{props.nameOf(props.memberId)}</span>
        <span class="row-sub">
          <Show when={s().standby}>
            <span class="tag" data-testid="standby-mark">
              {t('volunteers.standbyMark')}
            </span>{' '}
          </Show>
          {status()}
        </span>
        <Show when={s().phoneTime}>
          <span class="row-sub" data-testid="phone-time">
            {t('volunteers.phoneTimeMark')}
          </span>
        </Show>
        <Show when={s().correction}>
          {(c) => (
            <span class="row-sub correction" data-testid="correction">
              {t('volunteers.correctedBy', {
                name: props.nameOf(c().by),
                reason: c().reason,
                in: time(c().checkedInAt),
                out: time(c().checkedOutAt),
              })}
              <Show when={s().checkedInAt !== null}>
                <br />
                <span data-testid="phone-record">
                  {s().checkedOutAt !== null
                    ? t('volunteers.phoneRecord', { in: time(s().checkedInAt ?? 0), out: time(s().checkedOutAt ?? 0) })
                    : t('volunteers.phoneRecordIn', { in: time(s().checkedInAt ?? 0) })}
                </span>
              </Show>
            </span>
          )}
        </Show>
      </div>
      <Show when={actions().length > 0}>
        <div class="signup-actions">
          <For each={actions()}>
            {(a) => (
              <button type="button" class="btn btn-small btn-secondary" data-testid={a.testId} onClick={() => a.run()}>
                {t(a.label)}
              </button>
            )}
          </For>
        </div>
      </Show>
    </li>
  );
}
