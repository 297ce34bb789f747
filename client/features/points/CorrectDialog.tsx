import { createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import type { PointsEntry, PointsState } from '../../../shared/folds/index.ts';
import { balanceAfterCorrection } from '../../../shared/folds/pointsHours.ts';
import { accountOf, isCorrected } from '../../../shared/folds/pointsQueries.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../domain/formDraft.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { Modal } from '../../ui/Modal.tsx';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { correct } from './actions.ts';
import { pointsWords, signedAmount } from './amount.ts';
import { EntryLine } from './HistoryList.tsx';

/** What a half-written correction keeps across a reload. */
const CorrectDraft = v.partial(v.object({ reason: draftText(500), reAward: draftText(10) }));

/**
 * Reverses one line with a reason; the line and its correction both stay in the history. An award
 * may be given again at the right points in the same step (the reversed one still takes its
 * suggestion away). Before saving it says what the balance becomes when that is below zero.
 */
export function CorrectDialog(props: {
  session: CompoundSession;
  points: PointsState;
  entry: PointsEntry | undefined;
  /** The open dialog's visit: the reason is kept under it (domain/formDraft.ts). */
  visit: string;
  /** It came back from the URL after a reload, with its draft. */
  restored: boolean;
  done: () => void;
}) {
  return (
    <Modal
      open={props.entry !== undefined}
      filled={props.restored}
      onOpenChange={(o) => !o && props.done()}
      title={t('points.correctTitle')}
    >
      {/* Made as the dialog opens, so its draft is the visit's. */}
      <Show when={props.entry}>{(entry) => <CorrectForm {...props} entry={entry()} />}</Show>
    </Modal>
  );
}

function CorrectForm(props: {
  session: CompoundSession;
  points: PointsState;
  entry: PointsEntry;
  visit: string;
  done: () => void;
}) {
  const opening = { reason: '', reAward: '' };
  const draft = useFormDraft('draft-correct-points', props.session.compoundId, CorrectDraft, props.visit);
  const kept = withDraft(opening, draft.initial);
  const [reason, setReason] = createSignal(kept.reason);
  const [reAward, setReAward] = createSignal(kept.reAward);
  draft.keep(() => changedFields(opening, { reason: reason(), reAward: reAward() }));
  const account = () => accountOf(props.points, props.entry.eventId);
  // Points typed for oneself are another committee member's to give: the relay refuses them (award_to_self).
  const mayReAward = () => props.entry.kind === 'award' && account()?.memberId !== props.session.member.memberId;
  // The right points carry the sign of the line they replace: a deduction is given again as one.
  const reAwarded = () =>
    mayReAward() && reAward().trim() !== ''
      ? signedAmount(reAward(), props.entry.amount < 0 ? 'deduct' : 'add')
      : undefined;
  const after = () => balanceAfterCorrection(account(), props.entry, reAwarded());
  return (
    <SheetForm
      submitLabel={t('points.correct')}
      submit={() => {
        if (!reason().trim())
          return { field: 'reason', message: t('form.fillRequired', { field: t('points.correctReason') }) };
        if (mayReAward() && reAward().trim() !== '' && reAwarded() === undefined)
          return { field: 'reAward', message: t('points.awardAmountInvalid') };
        // Corrected meanwhile on a phone that synced: the relay would refuse a second correction.
        if (isCorrected(props.points, props.entry.eventId)) return t('points.correctedMeanwhile');
        const memberId = account()?.memberId;
        const amount = reAwarded();
        correct(
          props.session,
          props.entry,
          reason(),
          memberId !== undefined && amount !== undefined
            ? { memberId, amount, rule: props.points.rules[props.entry.ruleId ?? ''] }
            : undefined,
        );
        draft.clear();
      }}
      done={props.done}
      testId="correct-form"
    >
      <p class="field-label">{t('points.correcting')}</p>
      <EntryLine entry={props.entry} points={props.points} testId="correcting-line" />
      <TextField
        label={t('points.correctReason')}
        value={reason()}
        onInput={setReason}
        required
        maxLength={500}
        name="reason"
      />
      <Show when={mayReAward()}>
        <TextField
          label={t('points.reAward')}
          hint={t('points.reAwardHint')}
          value={reAward()}
          onInput={setReAward}
          inputMode="numeric"
          name="reAward"
          echo={
            reAwarded() === undefined
              ? undefined
              : t('points.reAwardEcho', { words: pointsWords(reAwarded() as number) })
          }
        />
      </Show>
      <Show when={after() < 0}>
        <p class="points-twice" role="status" data-testid="balance-below-zero">
          {t('points.balanceWillBe', { n: after() })}
        </p>
      </Show>
    </SheetForm>
  );
}
