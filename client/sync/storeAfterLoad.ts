import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

type StoreUpdate = (update: Uint8Array, origin: unknown) => void;

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
 * Returns what stops the storing (call it with y-indexeddb's destroy()).
 */
export function storeAfterLoad(
  persistence: IndexeddbPersistence,
  doc: Y.Doc,
  onError: (e: unknown) => void = () => {},
  /** Told every write made before the load ended, all of them so far, as it is made. */
  onEarly: (early: readonly Uint8Array[]) => void = () => {},
): () => void {
  const inner = persistence as unknown as { _storeUpdate: StoreUpdate; _destroyed: boolean };
  const stock = inner._storeUpdate;
  doc.off('update', stock);
  // y-indexeddb writes from inside the doc's 'update' event. Its database closed under it (another
  // tab deleted it on a reset, or the browser dropped the connection), the write throws there, and
  // a throw inside Yjs's cleanup stops every later update: nothing more is shown, counted or sent.
  const store: StoreUpdate = (update, origin) => {
    if (inner._destroyed) return;
    try {
      stock(update, origin);
    } catch (e) {
      onError(e);
    }
  };

  const early: Uint8Array[] = [];
  const onTransaction = (tr: Y.Transaction) => {
    if (!tr.local || !changedSomething(tr)) return;
    early.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState)));
    onEarly(early);
  };
  doc.on('afterTransaction', onTransaction);
  void persistence.whenSynced.then(() => {
    doc.off('afterTransaction', onTransaction);
    if (inner._destroyed) return;
    for (const update of early) store(update, null);
    doc.on('update', store);
  });
  // y-indexeddb's destroy() takes off its own listener, not this one.
  return () => {
    doc.off('afterTransaction', onTransaction);
    doc.off('update', store);
  };
}
