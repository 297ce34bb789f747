import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import type { SyncSummary } from '../sync/CompoundSession.ts';
import { IconCheck, IconUpload } from '../ui/icons.tsx';
import { savedAt } from '../ui/savedNotice.ts';

/** How long the note stays after a form wrote something. */
const SHOWN_MS = 5000;

/**
 * Says, for a few seconds after a form wrote something, whether it is sent or kept on the phone to
 * be sent, and turns to "sent" if it goes meanwhile. Never in the way: it takes no taps.
 */
export function SavedToast(props: { summary: SyncSummary }) {
  const [shown, setShown] = createSignal(false);
  // Only a save made while this layout is on screen (not one from before a compound switch).
  createEffect(
    on(
      savedAt,
      () => {
        setShown(true);
        const timer = setTimeout(() => setShown(false), SHOWN_MS);
        onCleanup(() => clearTimeout(timer));
      },
      { defer: true },
    ),
  );
  // Sent once the relay acknowledged it; being sent while connected; otherwise kept on the phone.
  // Stopped (the relay closed a document: access removed, a day's quota used up) is no promise of
  // "sent when connected": the banner above says what stopped it.
  const where = () =>
    props.summary.state === 'stopped'
      ? 'stopped'
      : props.summary.state !== 'synced'
        ? 'phone'
        : props.summary.unsent === 0
          ? 'sent'
          : 'sending';
  const words = () =>
    ({ sent: t('saved.sent'), sending: t('saved.sending'), phone: t('saved.onPhone'), stopped: t('saved.stopped') })[
      where()
    ];
  return (
    <Show when={shown()}>
      <p class="saved-toast with-icon" role="status" data-testid="saved-toast" data-where={where()}>
        <Show when={where() === 'sent'} fallback={<IconUpload size={22} />}>
          <IconCheck size={22} />
        </Show>
        {words()}
      </p>
    </Show>
  );
}
