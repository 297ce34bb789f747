import { createSignal } from 'solid-js';

/**
 * When a form last wrote something, for the shell to say where it went: saved on the phone (to be
 * sent) or sent. A sheet closing or a page leaving is no answer to an older member wondering whether
 * to tap again, on weak data, where a second tap writes a second record.
 */
const [savedAt, setSavedAt] = createSignal<number>();

export { savedAt };

/** Called by a form once its event is written to the phone's copy. */
export function announceSaved(): void {
  setSavedAt(Date.now());
}
