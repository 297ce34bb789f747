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

const idbError = /^(QuotaExceededError|UnknownError|InvalidStateError|VersionError)\b/;

/**
 * An IndexedDB failure: the browser's own error, or lib0's wrapping of one (y-indexeddb's requests
 * reject with `new Error(domException)`, whose name is 'Error' and whose message starts with the name).
 */
export function isStorageError(reason: unknown): boolean {
  const r = reason as { name?: unknown; message?: unknown } | null | undefined;
  if (!r) return false;
  return (
    (typeof r.name === 'string' && idbError.test(r.name)) || (typeof r.message === 'string' && idbError.test(r.message))
  );
}

// y-indexeddb writes without catching: its failures arrive here as unhandled rejections.
if (typeof window !== 'undefined') {
  window.addEventListener('unhandledrejection', (e) => {
    if (isStorageError(e.reason)) reportStorageError(e.reason);
  });
}
