import { createSignal } from 'solid-js';
import { changedFrom, draftText, useFormDraft } from '../../domain/formDraft.ts';
import { useSession } from '../../domain/session.ts';
import type { UrlDialogProps } from '../../domain/urlSheet.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Modal, ModalClose, ModalDescription } from '../../ui/Modal.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { cancelDuty } from './actions.ts';

/** Cancelling a duty says why: everyone signed up sees the reason on the duty. */
export function CancelDutyDialog(props: UrlDialogProps & { dutyId: string }) {
  return (
    <Modal
      open={props.open}
      filled={props.restored}
      onOpenChange={props.onOpenChange}
      title={t('volunteers.cancelDuty')}
      testId="cancel-dialog"
      role="alertdialog"
    >
      <ModalDescription>{t('volunteers.cancelHint')}</ModalDescription>
      {/* Made as the dialog opens, so its draft is the visit's. */}
      <CancelDutyForm dutyId={props.dutyId} visit={props.visit} done={() => props.onOpenChange(false)} />
    </Modal>
  );
}

function CancelDutyForm(props: { dutyId: string; visit: string; done: () => void }) {
  const session = useSession();
  const draft = useFormDraft('draft-cancel-duty', session.compoundId, draftText(500), props.visit);
  const [reason, setReason] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', reason()));
  const form = createSubmit(() => {
    if (!reason().trim())
      return { field: 'reason', message: t('form.fillRequired', { field: t('volunteers.cancelReason') }) };
    cancelDuty(session, props.dutyId, reason());
    draft.clear();
    props.done();
  });
  return (
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
  );
}
