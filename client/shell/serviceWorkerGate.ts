import { createSignal } from 'solid-js';

/** The longest a first join holds the app's files back (a join given up half-way). */
const LATEST_MS = 60_000;

const [allowed, setAllowed] = createSignal(!location.pathname.startsWith('/join'));
if (!allowed()) setTimeout(() => setAllowed(true), LATEST_MS);

/**
 * Whether the service worker may register and cache the app's files now. A first join waits until
 * the compound's documents have synced: on weak mobile data those files (over a megabyte with the
 * QR decoder) would otherwise share the link with the first list.
 */
export const serviceWorkerAllowed = allowed;

/** The compound's documents are in (or the phone is offline): the app's files may follow. */
export function allowServiceWorker(): void {
  setAllowed(true);
}
