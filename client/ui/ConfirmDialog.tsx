import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { Modal, ModalClose, ModalDescription } from './Modal.tsx';

/** A yes/no question in an alert dialog (focus trap and Escape handled by the modal). */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
  /** The words of the button that answers no (取消 unless given). */
  cancelLabel?: string;
}) {
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={props.title} role="alertdialog">
      <ModalDescription as="div">{props.children}</ModalDescription>
      <div class="dialog-actions">
        <button
          type="button"
          class="btn"
          classList={{ 'btn-danger': props.danger, 'btn-primary': !props.danger }}
          onClick={() => {
            props.onConfirm();
            props.onOpenChange(false);
          }}
        >
          {props.confirmLabel}
        </button>
        <ModalClose label={props.cancelLabel ?? t('form.cancel')} />
      </div>
    </Modal>
  );
}
