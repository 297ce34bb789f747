import { createSignal } from 'solid-js';
import type { PointsEntry, PointsState } from '../../../shared/folds/index.ts';
import { isCorrected } from '../../../shared/folds/pointsQueries.ts';
import { changedFrom, draftText, useFormDraft } from '../../domain/formDraft.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { Modal } from '../../ui/Modal.tsx';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { correct } from './actions.ts';

/** Reverses one line with a reason; the line and its correction both stay in the history. */
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
      <CorrectForm {...props} eventId={props.entry?.eventId ?? ''} />
    </Modal>
  );
}

function CorrectForm(props: {
  session: CompoundSession;
  points: PointsState;
  eventId: string;
  visit: string;
  done: () => void;
}) {
  const draft = useFormDraft('draft-correct-points', props.session.compoundId, draftText(500), props.visit);
  const [reason, setReason] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', reason()));
  return (
    <SheetForm
      submitLabel={t('points.correct')}
      submit={() => {
        if (!reason().trim())
          return { field: 'reason', message: t('form.fillRequired', { field: t('points.correctReason') }) };
        // Corrected meanwhile on a phone that synced: the relay would refuse a second correction.
        if (isCorrected(props.points, props.eventId)) return t('points.correctedMeanwhile');
        correct(props.session, props.eventId, reason());
        draft.clear();
      }}
      done={props.done}
      testId="correct-form"
    >
      <TextField
        label={t('points.correctReason')}
        value={reason()}
        onInput={setReason}
        required
        maxLength={500}
        name="reason"
      />
    </SheetForm>
  );
}
