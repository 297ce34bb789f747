import { Dialog } from '@kobalte/core/dialog';
import type { JSX } from 'solid-js';

/** A dialog over the page (Kobalte: focus trap, Escape, focus returned), titled, holding `children`. */
export function Modal(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: JSX.Element;
  children: JSX.Element;
  /** 'alertdialog' for a question that must be answered before going on. */
  role?: 'dialog' | 'alertdialog';
  /** Extra classes on the dialog box, e.g. 'dialog-tall'. */
  class?: string;
  testId?: string;
}) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-position">
          <Dialog.Content
            class={props.class ? `dialog ${props.class}` : 'dialog'}
            role={props.role ?? 'dialog'}
            data-testid={props.testId}
          >
            <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}

/** The text a screen reader reads with the title when the modal opens. */
export function ModalDescription(props: { children: JSX.Element; as?: 'p' | 'div' }) {
  return (
    <Dialog.Description as={props.as ?? 'p'} class="dialog-body">
      {props.children}
    </Dialog.Description>
  );
}

/** A button that closes the modal, its words also its accessible name. */
export function ModalClose(props: { label: string; primary?: boolean }) {
  return (
    <Dialog.CloseButton class={props.primary ? 'btn btn-primary' : 'btn btn-secondary'} aria-label={props.label}>
      {props.label}
    </Dialog.CloseButton>
  );
}
