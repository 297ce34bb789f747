import { createMemo, createSignal, For, Show } from 'solid-js';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import { minutesConflicts } from '../../../shared/folds/minutesQueries.ts';
import { type MemberParty, type Party, parties } from '../../../shared/roles.ts';
import { formatDate, formatDateTime } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { beforeMeetingDay } from './meetingDay.ts';

/**
 * Sign-off: each party present signs on its own member's phone; once all have, the minutes lock.
 * Shows who signed for which party and when, and one big button for this member's party, from the
 * meeting's day on: minutes signed days before would lock with nothing in them (the one party signed
 * in is then the last to sign), and the meeting would read as held.
 */
export function SignOffPanel(props: {
  state: MinutesState;
  party: MemberParty;
  isCommittee: boolean;
  nameOf: (memberId: string) => string;
  /** When the meeting is scheduled to start. */
  startsAt: number;
  /** A request's title, to name what the minutes hold two decisions on. */
  titleOf: (requestId: string) => string;
  onSignOff: (party: Party) => void;
}) {
  const partyName = (p: string) => t(`party.${p}` as MessageKey);
  const mine = () => parties.find((p) => p === props.party);
  const canSign = () => {
    const p = mine();
    return (
      !!p &&
      props.isCommittee &&
      !props.state.locked &&
      // Only a party present through a member signs: a signature for a party only a guest sat for
      // could reach the relay after the others locked the minutes and be refused with nothing shown.
      props.state.requiredParties.includes(p) &&
      !props.state.signOffs[p]
    );
  };
  const tooEarly = () => beforeMeetingDay(props.startsAt);
  // A signature cannot be taken back, and the last one locks the minutes: asked once more.
  const [confirming, setConfirming] = createSignal(false);
  const locksThem = () => {
    const waiting = props.state.requiredParties.filter((p) => !props.state.signOffs[p]);
    return waiting.length === 1 && waiting[0] === mine();
  };
  // Signing stays possible with conflicts open: the dialog names them and the button says so.
  const conflicts = createMemo(() => minutesConflicts(props.state));
  const sign = createSubmit(() => {
    const p = mine();
    if (p) props.onSignOff(p);
  });
  return (
    <div class="minutes-block minutes-sign-off" data-testid="sign-off" data-locked={props.state.locked}>
      <h3>{t('minutes.signOffHeading')}</h3>
      <Show when={props.state.signingParties.length > 0} fallback={<p class="muted">{t('minutes.signOffNobody')}</p>}>
        <ul class="minutes-signatures">
          <For each={props.state.signingParties}>
            {(p) => (
              <li data-testid="signature" data-party={p} data-signed={!!props.state.signOffs[p]}>
                <span class="strong">{partyName(p)}</span>
                <Show
                  when={props.state.signOffs[p]}
                  fallback={
                    <span class="muted">
                      {props.state.requiredParties.includes(p) ? t('minutes.notSigned') : t('minutes.guestOnly')}
                    </span>
                  }
                >
                  {(s) => (
                    <span>
                      {t('minutes.signedBy', {
                        name: props.nameOf(s().by),
                        time: formatDateTime(s().at, intlLocale()),
                      })}
                    </span>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!props.state.locked}>
        <p class="field-hint">{t('minutes.signOffHint')}</p>
      </Show>
      <Show when={canSign() && tooEarly()}>
        <p class="field-hint" data-testid="sign-off-later">
          {t('minutes.signOffOnTheDay', { date: formatDate(props.startsAt, intlLocale()) })}
        </p>
      </Show>
      <Show when={canSign() && !tooEarly()}>
        <button
          type="button"
          class="btn btn-primary btn-block minutes-sign-off-button"
          onClick={() => setConfirming(true)}
          data-testid="sign-off-button"
        >
          {t('minutes.signOffFor', { party: partyName(props.party) })}
        </button>
        <ConfirmDialog
          open={confirming() && canSign()}
          onOpenChange={setConfirming}
          title={t('minutes.signOffTitle', { party: partyName(props.party) })}
          confirmLabel={conflicts().length > 0 ? t('minutes.signOffAnyway') : t('minutes.signOffYes')}
          onConfirm={() => sign.run()}
        >
          <Show when={conflicts().length > 0}>
            <div class="sign-off-conflicts" data-testid="sign-off-conflicts">
              <p class="strong">{t('minutes.signOffConflicts', { n: conflicts().length })}</p>
              <ul>
                <For each={conflicts()}>
                  {(c) => (
                    <li data-testid="sign-off-conflict">
                      {t('minutes.conflictDecisions', { title: props.titleOf(c.requestId), n: c.n })}
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </Show>
          <p data-testid="sign-off-consequence">
            {locksThem() ? t('minutes.signOffLocks') : t('minutes.signOffFinal')}
          </p>
        </ConfirmDialog>
      </Show>
      <FormError error={sign.error()} />
    </div>
  );
}
