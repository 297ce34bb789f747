import * as Y from 'yjs';
import { compoundKey } from './localKeys.ts';

/** Origin of what an earlier visit wrote while its copy loaded and never stored. */
export const earlyOrigin = Symbol('early writes of an earlier visit');

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** True when the doc holds every item of `update` (its deletions are applied again, harmlessly). */
function holds(doc: Y.Doc, update: Uint8Array): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.parseUpdateMeta(update).to) if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}

/**
 * Writes made before the stored copy loaded, kept in localStorage as well. y-indexeddb stores such a
 * write only once the copy has loaded (`storeAfterLoad`), seconds on a slow phone; a member who
 * closes the app within them loses it from IndexedDB. localStorage is written at once, so the next
 * visit finds it and puts it in the document (it then reaches IndexedDB and the relay like any
 * change). Each visit keeps its own key; a visit forgets its key once its copy is closed (the writes
 * stored), and a later visit forgets an earlier one's once the loaded copy holds all of it. A write
 * IndexedDB failed to store (the phone's storage full) is kept here the same way, and its visit's
 * key is not forgotten.
 */
export class EarlyWrites {
  readonly #prefix: string;
  readonly #own: string;

  constructor(compoundId: string, docName: string, visit = crypto.randomUUID()) {
    this.#prefix = `${compoundKey('early', compoundId, docName)}:`;
    this.#own = this.#prefix + visit;
  }

  /** Keeps this visit's early writes (all of them so far); silently skipped when storage is full or absent. */
  keep(updates: readonly Uint8Array[]): void {
    try {
      localStorage.setItem(this.#own, toBase64(Y.mergeUpdates([...updates])));
    } catch {
      // IndexedDB still gets them once the copy loads; only a closed app would lose them (or, when
      // IndexedDB failed too, the member was told and the relay gets them once online).
    }
  }

  /**
   * After the copy loaded: puts in `doc` what earlier visits kept, forgetting each one the copy
   * held already. Call with y-indexeddb listening, so what it puts in is stored.
   */
  recover(doc: Y.Doc): Uint8Array[] {
    const recovered: Uint8Array[] = [];
    for (const key of this.#keys()) {
      if (key === this.#own) continue;
      let update: Uint8Array;
      try {
        update = fromBase64(localStorage.getItem(key) ?? '');
        if (holds(doc, update)) {
          localStorage.removeItem(key);
          continue;
        }
        Y.applyUpdate(doc, update, earlyOrigin);
        recovered.push(update);
      } catch {
        // Not a Yjs update (storage edited or cut short): nothing of it can be put back.
        localStorage.removeItem(key);
      }
    }
    return recovered;
  }

  /** This visit's writes are stored: its key goes. */
  forget(): void {
    try {
      localStorage.removeItem(this.#own);
    } catch {
      // No localStorage: nothing was kept.
    }
  }

  /** What every visit kept, this one's and other tabs' (readable ones only). */
  all(): Uint8Array[] {
    const kept: Uint8Array[] = [];
    for (const key of this.#keys()) {
      try {
        const update = fromBase64(localStorage.getItem(key) ?? '');
        Y.parseUpdateMeta(update);
        kept.push(update);
      } catch {
        // Not a Yjs update: nothing of it can be put back.
      }
    }
    return kept;
  }

  /** Every visit's key for this document goes (the copy was deleted on a reset). */
  forgetAll(): void {
    try {
      for (const key of this.#keys()) localStorage.removeItem(key);
    } catch {
      // No localStorage: nothing was kept.
    }
  }

  #keys(): string[] {
    const keys: string[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k?.startsWith(this.#prefix)) keys.push(k);
      }
    } catch {
      // No localStorage.
    }
    return keys;
  }
}
