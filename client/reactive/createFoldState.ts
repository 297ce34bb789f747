import { type Accessor, createMemo, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import type { Fold } from './Fold.ts';
import { acquireFold } from './liveFold.ts';

export interface FoldStateOptions {
  /** Keep the fold after the last reader goes, until the array's document is destroyed. */
  keepWithDocument?: boolean;
}

/**
 * The state of a fold that publishes changed entities as fresh objects and keeps the rest
 * (shared/folds' CompoundFold): no store and no copying, the accessor fires on every batch and
 * readers reconcile by identity (a `<For>` keeps the rows of unchanged entities). For folds that
 * mutate what they hand out, use createFoldProjection.
 */
export function createFoldState<S>(
  array: Accessor<Y.Array<unknown>>,
  makeFold: () => Fold<S>,
  options: FoldStateOptions = {},
): Accessor<S> {
  const live = createMemo(() => {
    const acquired = acquireFold(array(), makeFold, options);
    onCleanup(acquired.release);
    return acquired.live;
  });
  return () => {
    const l = live();
    l.version();
    return l.fold.state;
  };
}
