import { type BeforeLeaveEventArgs, useBeforeLeave } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { anyModalOpen } from './Modal.tsx';

/** True while a form that was just sent moves on: no guard asks. */
let sending = false;

/** Moves on from a form that was just sent (`go` navigates), past every leave guard. */
export function leaveSent(go: () => void): void {
  sending = true;
  try {
    go();
  } finally {
    sending = false;
  }
}

/**
 * Asks before a page form with something typed in it is left: Android's back gesture, the header's
 * back arrow, a tab. `dirty` is read when the page would be left; a form that has just been sent
 * moves on through `leaveSent`. A move that only changes the page's query (a draft's `?d=`) is not
 * leaving. An open modal answers the back gesture itself (it closes), so the page does not ask then.
 */
export function LeaveGuard(props: { dirty: boolean }) {
  const [pending, setPending] = createSignal<BeforeLeaveEventArgs>();
  useBeforeLeave((e) => {
    if (sending || e.defaultPrevented || !props.dirty || samePage(e.to)) return;
    // The back gesture over an open modal closes the modal (Modal.tsx); a link in it still asks here.
    if (typeof e.to === 'number' && anyModalOpen()) return;
    e.preventDefault();
    setPending(e);
  });
  return (
    <ConfirmDialog
      open={pending() !== undefined}
      onOpenChange={(open) => !open && setPending(undefined)}
      title={t('leave.title')}
      confirmLabel={t('leave.confirm')}
      cancelLabel={t('leave.stay')}
      danger
      onConfirm={() => pending()?.retry(true)}
    >
      <p>{t('leave.body')}</p>
    </ConfirmDialog>
  );
}

function samePage(to: string | number): boolean {
  if (typeof to === 'number') return false;
  return new URL(to, location.href).pathname === location.pathname;
}
