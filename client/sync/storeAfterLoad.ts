import { type IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import * as Y from 'yjs';

type StoreUpdate = (update: Uint8Array, origin: unknown) => void;

/** y-indexeddb's fields this module reads and sets (it writes updates in their place). */
interface Inner {
  _storeUpdate: StoreUpdate;
  _destroyed: boolean;
  _dbsize: number;
  _storeTimeout: number;
  _storeTimeoutId: ReturnType<typeof setTimeout> | null;
  db: IDBDatabase | null;
}

export interface StoreHook {
  /** Stops the storing (call it with y-indexeddb's destroy()). */
  stop(): void;
  /** True once a write of this visit was not stored: it is only where `onUnstored` put it. */
  lost(): boolean;
}

/**
 * Whether y-indexeddb still has the fields this module reads and sets, as 9.0.x has them, and has
 * put its own listener on the document. An upgrade that renamed one would otherwise have this
 * module write into fields nothing reads, or take off a listener that is not there and store
 * every update twice.
 */
export function knowsInner(persistence: IndexeddbPersistence, doc: Y.Doc): boolean {
  const inner = persistence as unknown as Partial<Record<keyof Inner, unknown>>;
  return (
    typeof inner._storeUpdate === 'function' &&
    doc._observers.get('update')?.has(inner._storeUpdate as StoreUpdate) === true &&
    typeof inner._destroyed === 'boolean' &&
    typeof inner._dbsize === 'number' &&
    typeof inner._storeTimeout === 'number' &&
    '_storeTimeoutId' in inner &&
    'db' in inner
  );
}

/** True when a transaction inserted or deleted anything. */
function changedSomething(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

/**
 * Makes y-indexeddb listen to the document's updates only once it has loaded the stored ones.
 *
 * While anyone listens to 'update', Yjs encodes every transaction into an update; y-indexeddb
 * listens from its constructor on, so the one transaction that applies the stored log is encoded
 * back whole (seconds for a five-year compound) only to be dropped as its own origin. A local
 * write made before the load ends is stored once the load ends, encoded from its before-state.
 *
 * Each update is written as y-indexeddb does, in a transaction of its own, and watched to its end:
 * Chromium aborts a transaction that runs out of quota at commit, after its request reported
 * success, which y-indexeddb (resolving on the request) never sees. Such an update is reported and
 * handed to `onUnstored` with the early writes, so a later visit can put it back.
 *
 * It reads y-indexeddb's private fields (`Inner`). Should an upgrade change them (`knowsInner`),
 * y-indexeddb is left to store as it does itself: slower loads and unseen aborts, nothing lost.
 */
export function storeAfterLoad(
  persistence: IndexeddbPersistence,
  doc: Y.Doc,
  onError: (e: unknown) => void = () => {},
  /** Told every write not (yet) stored, all of them so far: those made before the load ended, then those whose write failed. */
  onUnstored: (writes: readonly Uint8Array[]) => void = () => {},
): StoreHook {
  if (!knowsInner(persistence, doc)) {
    console.warn('y-indexeddb internals changed: it stores updates itself (client/sync/storeAfterLoad.ts)');
    return { stop() {}, lost: () => false };
  }
  const inner = persistence as unknown as Inner;
  doc.off('update', inner._storeUpdate);
  const unstored: Uint8Array[] = [];
  let lost = false;
  const notStored = (update: Uint8Array, e: unknown) => {
    lost = true;
    unstored.push(update);
    onUnstored(unstored);
    onError(e);
  };
  // y-indexeddb writes from inside the doc's 'update' event. Its database closed under it (another
  // tab deleted it on a reset, or the browser dropped the connection), the write throws there, and
  // a throw inside Yjs's cleanup stops every later update: nothing more is shown, counted or sent.
  const store: StoreUpdate = (update, origin) => {
    if (inner._destroyed || !inner.db || origin === persistence) return;
    try {
      const tx = inner.db.transaction(['updates'], 'readwrite');
      tx.objectStore('updates').add(update);
      tx.addEventListener('abort', () =>
        notStored(update, tx.error ?? new DOMException('the write was aborted', 'AbortError')),
      );
    } catch (e) {
      notStored(update, e);
      return;
    }
    // y-indexeddb's own trimming: past 500 updates the log is merged into one, a second after the last write.
    if (++inner._dbsize >= PREFERRED_TRIM_SIZE) {
      if (inner._storeTimeoutId !== null) clearTimeout(inner._storeTimeoutId);
      inner._storeTimeoutId = setTimeout(() => {
        inner._storeTimeoutId = null;
        if (!inner._destroyed) void storeState(persistence, false).catch(onError);
      }, inner._storeTimeout);
    }
  };

  const onTransaction = (tr: Y.Transaction) => {
    if (!tr.local || !changedSomething(tr)) return;
    unstored.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState)));
    onUnstored(unstored);
  };
  doc.on('afterTransaction', onTransaction);
  void persistence.whenSynced.then(() => {
    doc.off('afterTransaction', onTransaction);
    if (inner._destroyed) return;
    // They stay in the list: kept until the copy closes, should the app be closed before they commit.
    for (const update of [...unstored]) store(update, null);
    doc.on('update', store);
  });
  // y-indexeddb's destroy() takes off its own listener, not this one.
  return {
    stop() {
      doc.off('afterTransaction', onTransaction);
      doc.off('update', store);
    },
    lost: () => lost,
  };
}
