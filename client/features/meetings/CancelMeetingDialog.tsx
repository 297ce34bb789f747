import { createSignal } from 'solid-js';
import type { MeetingState } from '../../../shared/folds/index.ts';
import { changedFrom, draftText, useFormDraft } from '../../domain/formDraft.ts';
import type { UrlDialogProps } from '../../domain/urlSheet.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Modal, ModalClose, ModalDescription } from '../../ui/Modal.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { cancelMeeting } from './actions.ts';

/** The committee calls a meeting off, saying why; it stays listed, marked cancelled. */
export function CancelMeetingDialog(props: UrlDialogProps & { meeting: MeetingState }) {
  return (
    <Modal
      open={props.open}
      filled={props.restored}
      onOpenChange={props.onOpenChange}
      title={t('meetings.cancelTitle')}
      role="alertdialog"
      testId="cancel-dialog"
    >
      <ModalDescription>{t('meetings.cancelHint')}</ModalDescription>
      {/* Made as the dialog opens, so its draft is the visit's. */}
      <CancelMeetingForm meeting={props.meeting} visit={props.visit} done={() => props.onOpenChange(false)} />
    </Modal>
  );
}

function CancelMeetingForm(props: { meeting: MeetingState; visit: string; done: () => void }) {
  const { session } = usePage();
  const draft = useFormDraft('draft-cancel-meeting', session.compoundId, draftText(500), props.visit);
  const [reason, setReason] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', reason()));
  const form = createSubmit(() => {
    if (!reason().trim())
      return { field: 'reason', message: t('form.fillRequired', { field: t('meetings.cancelReason') }) };
    // Cancelled meanwhile on a phone that synced: the relay would refuse a second cancellation.
    if (props.meeting.status === 'cancelled') return t('meetings.cancelledMeanwhile');
    cancelMeeting(session, props.meeting.meetingId, reason());
    draft.clear();
    props.done();
  });
  return (
    <Form submit={form}>
      <TextField
        label={t('meetings.cancelReason')}
        value={reason()}
        onInput={setReason}
        required
        maxLength={500}
        name="reason"
      />
      <FormError error={form.error()} />
      <div class="dialog-actions">
        <button type="submit" class="btn btn-danger" data-testid="cancel-submit">
          {t('meetings.cancelSubmit')}
        </button>
        <ModalClose label={t('meetings.cancelKeep')} />
      </div>
    </Form>
  );
}
