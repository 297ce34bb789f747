import { createSignal } from 'solid-js';
import { accountFor } from '../sync/accounts.ts';
import { getBlob, type PendingUpload, pendingUploads, queueUpload, removeUpload, updateUpload } from './blobStore.ts';
import { uploadImage } from './imageApi.ts';

const BACKOFF_MS = [5_000, 15_000, 30_000, 60_000];

const [pending, setPending] = createSignal<ReadonlySet<string>>(new Set());
const [refused, setRefused] = createSignal<ReadonlySet<string>>(new Set());

/** Hashes of photos this phone still has to send (shown as "not uploaded yet"). */
export { pending as pendingPhotos, refused as refusedPhotos };

let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

/** Queues photos for the relay (after the event naming them is written) and tries at once. */
export async function queuePhotos(compoundId: string, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await Promise.all(hashes.map((h) => queueUpload(compoundId, h)));
  setPending((s) => new Set([...s, ...hashes]));
  kickUploads();
}

/** Sends whatever is queued; called on start, on `online`, when a document reconnects, and on a backoff timer. */
export function kickUploads(): void {
  if (running) {
    again = true;
    return;
  }
  clearTimeout(timer);
  running = flush()
    .catch(() => false)
    .then((ok) => {
      running = undefined;
      if (again) {
        again = false;
        kickUploads();
      } else if (!ok) {
        const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] as number;
        failures++;
        timer = setTimeout(kickUploads, wait);
      } else failures = 0;
    }) as Promise<void>;
}

/** True when nothing is left to retry. */
async function flush(): Promise<boolean> {
  const list = await pendingUploads();
  setPending(new Set(list.map((u) => u.hash)));
  let ok = true;
  for (const upload of list) {
    if (typeof navigator !== 'undefined' && !navigator.onLine) return false;
    const result = await send(upload);
    if (result === 'retry') ok = false;
  }
  const left = await pendingUploads();
  setPending(new Set(left.map((u) => u.hash)));
  return ok;
}

async function send(upload: PendingUpload): Promise<'done' | 'retry'> {
  const account = accountFor(upload.compoundId);
  // Accounts not loaded yet, or the compound left this phone: leave it for a later pass.
  if (!account) return 'done';
  const blob = await getBlob(upload.hash);
  if (!blob) {
    await removeUpload(upload.key);
    return 'done';
  }
  if (account.lost) return 'retry';
  const result = await uploadImage(upload.compoundId, upload.hash, blob, account.token);
  if (result === 'retry') {
    await updateUpload({ ...upload, attempts: upload.attempts + 1 });
    return 'retry';
  }
  if (result === 'refused') setRefused((s) => new Set([...s, upload.hash]));
  await removeUpload(upload.key);
  return 'done';
}

if (typeof window !== 'undefined') window.addEventListener('online', () => kickUploads());
