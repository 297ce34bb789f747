import type { MergeScope, RowLayout } from './Storage.ts';

/** A stored row as a compaction plan reads it: its id and size, never its data. */
export interface RowSize {
  id: number;
  bytes: number;
}

/**
 * Splits a room's rows (oldest first) into merged rows, those up to `mergedUpto`, and the rows
 * appended since; `scoped` picks the rows a merge of that scope replaces.
 */
export function rowLayout(
  rows: readonly RowSize[],
  mergedUpto: number,
): RowLayout & { scoped(scope: MergeScope): RowSize[] } {
  const merged = rows.filter((r) => r.id <= mergedUpto);
  const fresh = rows.filter((r) => r.id > mergedUpto);
  return {
    merged: merged.map((r) => r.bytes),
    fresh: fresh.length,
    freshBytes: fresh.reduce((sum, r) => sum + r.bytes, 0),
    scoped: (scope) => (scope === 'full' ? [...rows] : fresh),
  };
}
