/** A Y.Array change as `YArrayEvent.changes.delta` gives it. */
export type ArrayDelta = readonly { insert?: readonly unknown[] | string; retain?: number; delete?: number }[];

/** True if the delta only inserts at the end of an array of `length` elements. */
export function isAppend(delta: ArrayDelta, length: number): boolean {
  let at = 0;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) return false;
    else if (op.insert !== undefined && (at !== length || typeof op.insert === 'string')) return false;
  }
  return true;
}
