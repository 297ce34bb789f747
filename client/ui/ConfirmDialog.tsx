import { AlertDialog } from '@kobalte/core/alert-dialog';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';

/** A yes/no question in a Kobalte alert dialog (focus trap and Escape handled there). */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
}) {
  return (
    <AlertDialog open={props.open} onOpenChange={props.onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <div class="dialog-position">
          <AlertDialog.Content class="dialog">
            <AlertDialog.Title class="dialog-title">{props.title}</AlertDialog.Title>
            <AlertDialog.Description as="div" class="dialog-body">
              {props.children}
            </AlertDialog.Description>
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
              <AlertDialog.CloseButton class="btn btn-secondary" aria-label={t('form.cancel')}>
                {t('form.cancel')}
              </AlertDialog.CloseButton>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
