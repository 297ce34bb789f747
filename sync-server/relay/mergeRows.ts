import * as Y from 'yjs';
import { applyRows } from './applyStored.ts';

/** One update holding everything the rows hold, without quadratic Y.mergeUpdates. */
export function mergeRows(rows: Iterable<Uint8Array>): Uint8Array {
  const doc = new Y.Doc();
  applyRows(doc, rows);
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
