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
 */
export function storeAfterLoad(persistence: IndexeddbPersistence, doc: Y.Doc): void {
  const inner = persistence as unknown as { _storeUpdate: StoreUpdate; _destroyed: boolean };
  const store = inner._storeUpdate;
  doc.off('update', store);
  const early: Uint8Array[] = [];
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.local && changedSomething(tr)) early.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState)));
  };
  doc.on('afterTransaction', onTransaction);
  void persistence.whenSynced.then(() => {
    doc.off('afterTransaction', onTransaction);
    if (inner._destroyed) return;
    for (const update of early) store(update, null);
    doc.on('update', store);
  });
}
