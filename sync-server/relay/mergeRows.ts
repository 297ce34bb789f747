import * as Y from 'yjs';

/** One update holding everything the rows hold, without quadratic Y.mergeUpdates. */
export function mergeRows(rows: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of rows) Y.applyUpdate(doc, u);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
