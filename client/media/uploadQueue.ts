import { createSignal } from 'solid-js';
import { accountFor } from '../sync/accounts.ts';
import { getBlob, type PendingUpload, pendingUploads, queueUpload, removeUpload, updateUpload } from './blobStore.ts';
import { uploadImage } from './imageApi.ts';

const BACKOFF_MS = [5_000, 15_000, 30_000, 60_000];
/**
 * A photo refused because the compound's image space was full is offered again after this long
 * (space may have been freed, or the limit raised); one refused as not an image never is.
 */
export const QUOTA_RETRY_MS = 3_600_000;
const quotaCodes: ReadonlySet<string> = new Set(['image_count_quota', 'image_byte_quota']);

const [pending, setPending] = createSignal<ReadonlySet<string>>(new Set());
const [refused, setRefused] = createSignal<ReadonlyMap<string, string>>(new Map());

/**
 * Hashes of photos this phone still has to send (shown as "not uploaded yet"), and of those the
 * relay refused, with its reason (shown as "not uploaded", with why). A refused photo stays on
 * the phone and in the queue: the event naming it was written, and only this phone has it.
 */
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

/** Resolves once no pass over the queue is running. */
export async function uploadsSettled(): Promise<void> {
  while (running) await running;
}

/** True when nothing is left to retry. */
async function flush(): Promise<boolean> {
  show(await pendingUploads());
  const list = (await pendingUploads()).filter((u) => !u.refused || mayRetry(u.refused));
  let ok = true;
  for (const upload of list) {
    if (typeof navigator !== 'undefined' && !navigator.onLine) return false;
    const result = await send(upload);
    if (result === 'retry') ok = false;
  }
  show(await pendingUploads());
  return ok;
}

function mayRetry(refusal: NonNullable<PendingUpload['refused']>): boolean {
  return quotaCodes.has(refusal.code) && Date.now() - refusal.at >= QUOTA_RETRY_MS;
}

function show(list: readonly PendingUpload[]): void {
  setPending(new Set(list.filter((u) => !u.refused).map((u) => u.hash)));
  setRefused(new Map(list.flatMap((u) => (u.refused ? [[u.hash, u.refused.code] as const] : []))));
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
  if (result !== 'stored') {
    await updateUpload({ ...upload, attempts: upload.attempts + 1, refused: { code: result.refused, at: Date.now() } });
    return 'done';
  }
  await removeUpload(upload.key);
  return 'done';
}

if (typeof window !== 'undefined') window.addEventListener('online', () => kickUploads());
