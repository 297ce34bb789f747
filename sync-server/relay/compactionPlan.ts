import type { MergeScope, RowLayout } from '../storage/Storage.ts';

/** Merged rows a room keeps before a full merge folds them into one: bounds the rows a load reads. */
export const maxMergedRows = 32;
/** Tail rows may hold this share of the oldest merged row's bytes before a full merge. */
export const tailShare = 1 / 4;

/**
 * What a compaction merges: the rows appended since the last one (`tail`), which costs what it
 * merges, or every row (`full`), which costs the document but folds the merged rows into one and
 * lets the live doc drop deleted content. Full when there is no merged row yet, when the merged rows
 * reach `maxMergedRows`, or when the tail rows (with the new one) outgrow `tailShare` of the oldest:
 * like an LSM tree's size ratio, a full merge then comes once per a fixed share of new bytes, so its
 * cost per append stays flat as the document grows.
 */
export function compactionPlan(layout: RowLayout): MergeScope | null {
  const [oldest, ...tails] = layout.merged;
  if (oldest === undefined) return layout.fresh > 0 ? 'full' : null;
  if (layout.fresh === 0) return null;
  const tailBytes = tails.reduce((sum, b) => sum + b, layout.freshBytes);
  if (layout.merged.length >= maxMergedRows || tailBytes > oldest * tailShare) return 'full';
  return 'tail';
}
