import { createSignal } from 'solid-js';
import type { PointsEntry, PointsState } from '../../../shared/folds/index.ts';
import { isCorrected } from '../../../shared/folds/pointsQueries.ts';
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
  done: () => void;
}) {
  const [reason, setReason] = createSignal('');
  return (
    <Modal open={props.entry !== undefined} onOpenChange={(o) => !o && props.done()} title={t('points.correctTitle')}>
      <SheetForm
        submitLabel={t('points.correct')}
        submit={() => {
          if (!reason().trim())
            return { field: 'reason', message: t('form.fillRequired', { field: t('points.correctReason') }) };
          // Corrected meanwhile on a phone that synced: the relay would refuse a second correction.
          if (isCorrected(props.points, props.entry?.eventId ?? '')) return t('points.correctedMeanwhile');
          correct(props.session, props.entry?.eventId ?? '', reason());
          setReason('');
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
    </Modal>
  );
}
