import * as Y from 'yjs';
import type { DocStore } from '../storage/Storage.ts';

/**
 * Rows applied per transaction. At the end of a transaction stock Yjs merges each run of one
 * client's items by copying the run once per item, so one transaction over n rows copies O(n²)
 * values (20,000 rows: 6 s and 1.7 GB); the relay merges in place (`installAppendInPlace`), and
 * batches still bound what one transaction holds and keep rows streaming from storage.
 * Y.mergeUpdates is quadratic in the number of rows.
 */
export const rowsPerTransaction = 500;

/** Applies rows to a doc, a bounded number per transaction. */
export function applyRows(doc: Y.Doc, rows: Iterable<Uint8Array>, origin?: unknown): number {
  let n = 0;
  let batch: Uint8Array[] = [];
  const apply = () =>
    doc.transact(() => {
      for (const u of batch) Y.applyUpdate(doc, u);
    }, origin);
  for (const row of rows) {
    batch.push(row);
    n++;
    if (batch.length < rowsPerTransaction) continue;
    apply();
    batch = [];
  }
  if (batch.length > 0) apply();
  return n;
}

/**
 * Applies what storage holds for a room to `doc`, read and applied a batch at a time, so a big
 * uncompacted room never sits in memory as every row at once. Stops, between batches, once
 * `wanted` says the doc is no longer the room's; each batch waits for `idle` first. Returns the
 * number of rows applied.
 */
export async function applyStored(
  docs: DocStore,
  room: string,
  doc: Y.Doc,
  { origin, wanted = () => true, idle }: { origin?: unknown; wanted?: () => boolean; idle?: () => Promise<void> } = {},
): Promise<number> {
  let n = 0;
  for await (const rows of docs.loadBatches(room, rowsPerTransaction)) {
    // A batch never lands between the steps of a frame checked against the doc without it.
    if (idle) await idle();
    if (!wanted()) break;
    n += applyRows(doc, rows, origin);
  }
  return n;
}
