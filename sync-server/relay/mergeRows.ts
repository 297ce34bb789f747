import * as Y from 'yjs';
import { applyRows } from './applyStored.ts';

/** One update holding everything the rows hold, without quadratic Y.mergeUpdates. */
export function mergeRows(rows: Iterable<Uint8Array>): Uint8Array {
  return mergeCovering(rows).merged;
}

/** mergeRows, with the state vector of what the merged update holds. */
export function mergeCovering(rows: Iterable<Uint8Array>): { merged: Uint8Array; covers: Uint8Array } {
  const doc = new Y.Doc();
  applyRows(doc, rows);
  const merged = Y.encodeStateAsUpdate(doc);
  const covers = Y.encodeStateVector(doc);
  doc.destroy();
  return { merged, covers };
}

/** Rows Y.mergeUpdates takes at once: it sorts its inputs once per struct run, quadratic in their number. */
const group = 64;

/**
 * One update holding rows that build on items stored before them: applied to an empty doc they
 * would wait as pending structs (seconds for 500 rows), so they are merged as updates, in groups.
 */
export function mergeTail(rows: Iterable<Uint8Array>): Uint8Array {
  let updates = [...rows];
  while (updates.length > group) {
    const merged: Uint8Array[] = [];
    for (let i = 0; i < updates.length; i += group) merged.push(Y.mergeUpdates(updates.slice(i, i + group)));
    updates = merged;
  }
  return Y.mergeUpdates(updates);
}
