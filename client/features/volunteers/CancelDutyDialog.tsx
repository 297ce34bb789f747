import { createSignal } from 'solid-js';
import { useSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Modal, ModalClose, ModalDescription } from '../../ui/Modal.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { cancelDuty } from './actions.ts';

/** Cancelling a duty says why: everyone signed up sees the reason on the duty. */
export function CancelDutyDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; dutyId: string }) {
  const session = useSession();
  const [reason, setReason] = createSignal('');
  const form = createSubmit(() => {
    if (!reason().trim())
      return { field: 'reason', message: t('form.fillRequired', { field: t('volunteers.cancelReason') }) };
    cancelDuty(session, props.dutyId, reason());
    props.onOpenChange(false);
  });
  return (
    <Modal
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('volunteers.cancelDuty')}
      testId="cancel-dialog"
      role="alertdialog"
    >
      <ModalDescription>{t('volunteers.cancelHint')}</ModalDescription>
      <Form submit={form}>
        <TextField
          label={t('volunteers.cancelReason')}
          value={reason()}
          onInput={setReason}
          placeholder={t('volunteers.cancelReasonPlaceholder')}
          required
          maxLength={500}
          name="reason"
        />
        <FormError error={form.error()} />
        <div class="dialog-actions">
          <button type="submit" class="btn btn-danger">
            {t('volunteers.confirmCancel')}
          </button>
          <ModalClose label={t('volunteers.cancelKeep')} />
        </div>
      </Form>
    </Modal>
  );
}
