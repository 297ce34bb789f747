import { Dialog } from '@kobalte/core/dialog';
import { useBeforeLeave } from '@solidjs/router';
import { createEffect, createSignal, type JSX, on, onCleanup } from 'solid-js';
import { t } from '../i18n/index.ts';

/** The modals open now, the last on top: Android's back closes only the top one. */
const openModals: symbol[] = [];

/** Whether a modal is open: a page's own leave guard lets the modal answer the back gesture. */
export function anyModalOpen(): boolean {
  return openModals.length > 0;
}

/**
 * A dialog over the page (Kobalte: focus trap, Escape), titled, holding `children`; focus goes back
 * to what had it before.
 * Once something has been typed or chosen in it, a tap beside it no longer closes it (a stray thumb
 * on the dimmed strip would throw away a half-filled expense); its own buttons still do.
 * Android's back gesture (or the browser's back) closes the top modal instead of leaving the page
 * under it; once something was typed in it, it first asks whether to throw that away.
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
  /**
   * Nothing in it is left to lose: what was filled in has been sent and the modal stays open to show
   * the result (an invite's link). A tap beside it and the back gesture close it without asking.
   */
  settled?: boolean;
  /** It opens holding what was kept of an earlier visit (a draft brought back after a reload). */
  filled?: boolean;
}) {
  let touched = false;
  const dirty = () => (touched || !!props.filled) && !props.settled;
  const self = Symbol('modal');
  const [asking, setAsking] = createSignal(false);
  const forget = () => {
    const at = openModals.indexOf(self);
    if (at >= 0) openModals.splice(at, 1);
  };
  onCleanup(forget);
  // Only the history's own moves (back, forward) are caught: a modal's buttons and links that
  // navigate on purpose go through.
  useBeforeLeave((e) => {
    if (typeof e.to !== 'number' || e.defaultPrevented || openModals.at(-1) !== self) return;
    e.preventDefault();
    if (dirty()) setAsking(true);
    else closeOnceBack();
  });
  // The router puts a blocked move's history entry back with a move of its own: the modal closes
  // once it has, so a close that changes the URL (a sheet named in it) replaces the right entry.
  const closeOnceBack = () => {
    let done = false;
    const close = () => {
      if (done) return;
      done = true;
      window.removeEventListener('popstate', close);
      clearTimeout(late);
      queueMicrotask(() => props.onOpenChange(false));
    };
    window.addEventListener('popstate', close);
    // A move that never comes (none is made when nothing was left to put back) closes it anyway.
    const late = setTimeout(close, 400);
  };
  // What had focus when it opened gets it back when it closes (no trigger is registered with
  // Kobalte, which would otherwise leave focus on the page's body, the screen reader's place lost).
  let opener: HTMLElement | null = null;
  createEffect(
    on(
      () => props.open,
      (open) => {
        touched = false;
        setAsking(false);
        forget();
        if (open) openModals.push(self);
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
    if (dirty()) e.preventDefault();
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
            ref={(el: HTMLElement) => {
              // Captured, not bubbled: Kobalte stops change events on the way up, and its choice chips
              // fire none at all, only a click on their hidden radio or checkbox.
              const mark = (e: Event) => {
                const chip =
                  e.target instanceof HTMLInputElement && (e.target.type === 'radio' || e.target.type === 'checkbox');
                if (e.type !== 'click' || chip) touched = true;
              };
              for (const type of ['input', 'change', 'click']) el.addEventListener(type, mark, true);
            }}
            onInteractOutside={keepIfTouched}
            onCloseAutoFocus={refocus}
          >
            <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
            {props.children}
            <Modal open={asking()} onOpenChange={setAsking} title={t('sheet.discardTitle')} role="alertdialog">
              <ModalDescription>{t('sheet.discardBody')}</ModalDescription>
              <div class="dialog-actions">
                <button
                  type="button"
                  class="btn btn-danger"
                  onClick={() => {
                    setAsking(false);
                    props.onOpenChange(false);
                  }}
                >
                  {t('sheet.discard')}
                </button>
                <ModalClose label={t('leave.stay')} primary />
              </div>
            </Modal>
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
