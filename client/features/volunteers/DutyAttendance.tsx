import { Match, Show, Switch } from 'solid-js';
import {
  beforeCutoff,
  checkInWindow,
  type DutyState,
  dutyStartsAt,
  memberSignup,
} from '../../../shared/folds/index.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { usePage } from '../../domain/usePage.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { checkIn, checkOut, signUp, withdraw } from './actions.ts';
import { clockBefore, dayLabel, hoursText } from './format.ts';

/** How long before a duty's start a member signed up is offered check-in away from its place. */
const CHECK_IN_AHEAD_MS = 60 * 60 * 1000;

/**
 * What this member can do on a duty, one big button at a time: sign up or withdraw before it
 * starts; at the place (from the printed QR, or on the day once signed up) check in, then out.
 */
export function DutyAttendance(props: { duty: DutyState; atPlace: boolean }) {
  const { session } = usePage();
  const me = session.member.memberId;
  const d = () => props.duty;
  // An over-full or standby sign-up (after the last place was taken offline) still checks in and out: its time counts.
  const held = () => memberSignup(d(), me);
  const mine = () => held()?.signup;
  const open = () => d().status === 'open';
  // Check-in is for the duty's own day (and past midnight until a night duty ends), from the place's
  // QR or once signed up: hours and points follow it. Checking out stays open a while after.
  const times = () => checkInWindow(d());
  const inWindow = () => now() >= times().opens && now() < times().closes;
  // Away from the place, a member signed up is offered check-in from an hour before the start: hours
  // earlier, on the duty's day, the page confirms the sign-up and keeps withdrawing one tap away.
  const checkInOffered = () => now() >= dutyStartsAt(d()) - CHECK_IN_AHEAD_MS;
  const checkedInOnly = () => mine()?.checkedInAt != null && mine()?.checkedOutAt == null;
  const checkingIn = () =>
    open() &&
    ((inWindow() && (props.atPlace || (mine() !== undefined && (checkInOffered() || mine()?.checkedInAt != null)))) ||
      (checkedInOnly() && now() < times().checkOutUntil));
  // Checked in, never out, and too long ago for a tap to say how long they served.
  const checkOutMissed = () => open() && checkedInOnly() && now() >= times().checkOutUntil;
  // The place's QR scanned on another day: say when the duty is; signing up stays as it is.
  const qrOffDay = () => open() && props.atPlace && !checkingIn() && !checkOutMissed() && !mine()?.checkedOutAt;
  // My sign-up came after the last slot was taken (made offline); the lead settles it, e.g. as standby.
  const overfull = () => held()?.as === 'overfull';
  const standby = () => held()?.as === 'standby';
  const act = createSubmit((step: (session: CompoundSession) => void) => {
    step(session);
    return undefined;
  });

  return (
    <section class="section attendance" aria-labelledby="attendance-heading" data-testid="attendance">
      <h2 id="attendance-heading">{checkingIn() ? t('volunteers.atPlace') : t('volunteers.signUpHeading')}</h2>
      <Show when={overfull()}>
        <p class="note-warn" data-testid="my-overfull">
          <IconAlert size={24} />
          <span>{t('volunteers.myOverfull')}</span>
        </p>
      </Show>
      <Show when={standby() && open()}>
        <p class="attendance-done" data-testid="my-standby">
          <IconCheck size={28} />
          <span>{t('volunteers.myStandby')}</span>
        </p>
      </Show>
      <Show when={qrOffDay()}>
        <p class="note-warn" data-testid="check-in-off-day">
          <IconAlert size={24} />
          <span>
            {now() < times().opens
              ? t('volunteers.checkInLater', { day: dayLabel(d().day), time: d().start })
              : t('volunteers.checkInPast', { day: dayLabel(d().day) })}
          </span>
        </p>
      </Show>
      <Switch>
        <Match when={!open()}>
          <p class="muted">{t('volunteers.cancelled')}</p>
        </Match>
        <Match when={checkOutMissed()}>
          <p class="note-warn" data-testid="check-out-missed">
            <IconAlert size={24} />
            <span>{t('volunteers.checkOutMissed')}</span>
          </p>
        </Match>
        <Match when={mine()?.checkedOutAt}>
          <p class="attendance-done" data-testid="checked-out">
            <IconCheck size={28} />
            <span>{t('volunteers.servedOnDuty', { time: hoursText(mine()?.minutes ?? 0) })}</span>
          </p>
        </Match>
        <Match when={checkingIn() && mine()?.checkedInAt}>
          {(at) => (
            <>
              <p class="attendance-done" data-testid="checked-in">
                <IconCheck size={28} />
                <span>{t('volunteers.checkedInAt', { time: formatDateTime(at(), intlLocale()) })}</span>
              </p>
              <button
                type="button"
                class="btn btn-primary btn-block btn-huge"
                data-testid="check-out"
                onClick={() => act.run((s) => checkOut(s, d().id, at()))}
              >
                {t('volunteers.checkOut')}
              </button>
            </>
          )}
        </Match>
        <Match when={checkingIn() && !mine() && d().freeSlots === 0}>
          <p class="muted">{t('volunteers.full')}</p>
        </Match>
        <Match when={checkingIn()}>
          <button
            type="button"
            class={overfull() ? 'btn btn-secondary btn-block' : 'btn btn-primary btn-block btn-huge'}
            data-testid="check-in"
            onClick={() => act.run((s) => checkIn(s, d().id, mine() !== undefined))}
          >
            {mine() ? t('volunteers.checkIn') : t('volunteers.signUpAndCheckIn')}
          </button>
          <p class="muted">{t('volunteers.phoneTime')}</p>
        </Match>
        <Match when={!beforeCutoff(d(), now())}>
          <p class="muted">
            {overfull() || standby()
              ? t('volunteers.closedNoWithdraw')
              : mine()
                ? t('volunteers.signedUpClosed')
                : t('volunteers.closed')}
          </p>
        </Match>
        <Match when={mine()}>
          <Show when={held()?.as === 'in'}>
            <p class="attendance-done" data-testid="signed-up">
              <IconCheck size={28} />
              <span>{t('volunteers.youAreIn')}</span>
            </p>
          </Show>
          <Show when={inWindow()}>
            <p class="muted" data-testid="check-in-from">
              {t('volunteers.checkInFrom', { time: clockBefore(d().start, CHECK_IN_AHEAD_MS / 60_000) })}
            </p>
          </Show>
          <button
            type="button"
            class="btn btn-secondary btn-block"
            data-testid="withdraw"
            onClick={() => act.run((s) => withdraw(s, d().id))}
          >
            {t('volunteers.withdraw')}
          </button>
        </Match>
        <Match when={d().freeSlots > 0}>
          <button
            type="button"
            class="btn btn-primary btn-block btn-huge"
            data-testid="sign-up"
            onClick={() => act.run((s) => signUp(s, d().id))}
          >
            {t('volunteers.signUp')}
          </button>
          <p class="muted">{t('volunteers.cutoffHint', { time: d().start })}</p>
        </Match>
        <Match when={d().freeSlots === 0}>
          <p class="muted">{t('volunteers.full')}</p>
        </Match>
      </Switch>
      <FormError error={act.error()} />
    </section>
  );
}
