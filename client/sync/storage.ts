import { createSignal } from 'solid-js';

export interface StorageInfo {
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

const [problem, setProblem] = createSignal<string>();

/** The latest IndexedDB / storage error anywhere in the app (quota, private mode...). */
export const storageError = problem;
export const reportStorageError = (e: unknown) => setProblem(String(e));

/** Asks the browser not to evict our data (answers false in headless Chromium; that is fine). */
export async function askPersist(): Promise<boolean | undefined> {
  try {
    if (!navigator.storage?.persist) return undefined;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return undefined;
  }
}

export async function storageInfo(): Promise<StorageInfo> {
  const s = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    s?.persisted?.().catch(() => undefined),
    s?.estimate?.().catch(() => undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

const idbErrorNames = new Set(['QuotaExceededError', 'UnknownError', 'InvalidStateError', 'VersionError']);

// y-indexeddb writes without catching: its failures arrive here as unhandled rejections.
if (typeof window !== 'undefined') {
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason as { name?: string } | undefined;
    if (r && typeof r.name === 'string' && idbErrorNames.has(r.name)) reportStorageError(e.reason);
  });
}
