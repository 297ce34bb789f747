import { Dialog } from '@kobalte/core/dialog';
import { createEffect, type JSX, on } from 'solid-js';

/**
 * A dialog over the page (Kobalte: focus trap, Escape), titled, holding `children`; focus goes back
 * to what had it before.
 * Once something has been typed or chosen in it, a tap beside it no longer closes it (a stray thumb
 * on the dimmed strip would throw away a half-filled expense); its own buttons still do.
 */
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
  let touched = false;
  // What had focus when it opened gets it back when it closes (no trigger is registered with
  // Kobalte, which would otherwise leave focus on the page's body, the screen reader's place lost).
  let opener: HTMLElement | null = null;
  createEffect(
    on(
      () => props.open,
      (open) => {
        touched = false;
        if (open) opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      },
    ),
  );
  const refocus = (e: Event) => {
    if (!opener?.isConnected) return;
    e.preventDefault();
    opener.focus({ preventScroll: true });
  };
  const keepIfTouched = (e: Event) => {
    if (touched) e.preventDefault();
  };
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-position">
          <Dialog.Content
            class={props.class ? `dialog ${props.class}` : 'dialog'}
            role={props.role ?? 'dialog'}
            data-testid={props.testId}
            onInput={() => {
              touched = true;
            }}
            onChange={() => {
              touched = true;
            }}
            onInteractOutside={keepIfTouched}
            onCloseAutoFocus={refocus}
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
