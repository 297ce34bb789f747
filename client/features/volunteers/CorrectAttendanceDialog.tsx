import { createSignal } from 'solid-js';
import * as v from 'valibot';
import { type DutyState, memberSignup } from '../../../shared/folds/index.ts';
import { shanghaiDayStart } from '../../../shared/time.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../domain/formDraft.ts';
import { useSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { TimeField } from '../../ui/DateField.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { correctAttendance } from './actions.ts';

/** "HH:MM" of a time in Asia/Shanghai. */
function clockOf(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);
}

/** A clock time on a day (Asia/Shanghai), as ms since epoch. */
function onDay(day: string, clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return shanghaiDayStart(day) + (h ?? 0) * 3_600_000 + (m ?? 0) * 60_000;
}

/** What a half-done correction keeps across a reload (a switch to WeChat may kill the tab). */
const CorrectionDraft = v.partial(v.object({ checkIn: draftText(5), checkOut: draftText(5), reason: draftText(200) }));

/**
 * The lead (or a committee member) sets a volunteer's check-in and out times on the duty's day,
 * with the reason. A check-out earlier than the check-in is read as after midnight, for night shifts.
 */
export function CorrectAttendanceDialog(props: {
  duty: DutyState;
  memberId: string;
  name: string;
  as: 'lead' | 'committee';
  /** The open dialog's visit: what was typed is kept under it (domain/formDraft.ts). */
  visit: string;
  /** It came back from the URL after a reload, with its draft. */
  restored: boolean;
  onClose: () => void;
}) {
  const session = useSession();
  const s = memberSignup(props.duty, props.memberId)?.signup;
  const current = s?.correction ?? s;
  const opening = {
    checkIn: current?.checkedInAt ? clockOf(current.checkedInAt) : props.duty.start,
    checkOut: current?.checkedOutAt ? clockOf(current.checkedOutAt) : props.duty.end,
    reason: '',
  };
  const draft = useFormDraft('draft-correct-attendance', session.compoundId, CorrectionDraft, props.visit);
  const kept = withDraft(opening, draft.initial);
  const [checkIn, setCheckIn] = createSignal(kept.checkIn);
  const [checkOut, setCheckOut] = createSignal(kept.checkOut);
  const [reason, setReason] = createSignal(kept.reason);
  draft.keep(() => changedFields(opening, { checkIn: checkIn(), checkOut: checkOut(), reason: reason() }));

  const submit = () => {
    if (!checkIn() || !checkOut())
      return {
        field: checkIn() ? 'checkOut' : 'checkIn',
        message: t('form.fillRequired', { field: t('volunteers.correctTimes') }),
      };
    if (!reason().trim())
      return { field: 'reason', message: t('form.fillRequired', { field: t('volunteers.correctReason') }) };
    // Times are on the duty's day: a phone that checked in on another day had the wrong date.
    const inAt = onDay(props.duty.day, checkIn());
    let outAt = onDay(props.duty.day, checkOut());
    if (outAt <= inAt) outAt += 86_400_000;
    correctAttendance(session, props.duty, {
      memberId: props.memberId,
      checkedInAt: inAt,
      checkedOutAt: outAt,
      reason: reason(),
      as: props.as,
    });
    draft.clear();
    return undefined;
  };

  return (
    <Modal
      open
      filled={props.restored}
      onOpenChange={(open) => !open && props.onClose()}
      title={t('volunteers.correctTitle', { name: props.name })}
      testId="correct-dialog"
    >
      <SheetForm submitLabel={t('volunteers.correctSave')} submit={submit} done={props.onClose} testId="correct-form">
        <TimeField label={t('volunteers.correctIn')} value={checkIn()} onInput={setCheckIn} name="checkIn" />
        <TimeField label={t('volunteers.correctOut')} value={checkOut()} onInput={setCheckOut} name="checkOut" />
        <p class="field-hint">{t('volunteers.correctMidnight')}</p>
        <TextField
          label={t('volunteers.correctReason')}
          value={reason()}
          onInput={setReason}
          placeholder={t('volunteers.correctReasonPlaceholder')}
          required
          maxLength={200}
          name="reason"
        />
      </SheetForm>
    </Modal>
  );
}
