import { type Accessor, createMemo, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import type { Fold } from './Fold.ts';

interface Live {
  fold: Fold<unknown>;
  version: Accessor<number>;
}

/** One live fold per array and factory, kept for the life of the document (re-folding a big log is costly). */
const live = new WeakMap<Y.Array<unknown>, Map<() => Fold<unknown>, Live>>();

function liveFold<S>(array: Y.Array<unknown>, makeFold: () => Fold<S>): Live {
  let byFold = live.get(array);
  if (!byFold) {
    byFold = new Map();
    live.set(array, byFold);
  }
  let entry = byFold.get(makeFold);
  if (!entry) {
    const fold = makeFold();
    fold.applyDelta([{ insert: array.toArray() }]);
    const [version, setVersion] = createSignal(fold.version);
    array.observe((event) => {
      fold.applyDelta(event.changes.delta as Parameters<Fold<S>['applyDelta']>[0]);
      setVersion(fold.version);
    });
    entry = { fold, version };
    byFold.set(makeFold, entry);
  }
  return entry;
}

/**
 * The state of a fold that publishes changed entities as fresh objects and keeps the rest
 * (shared/folds' CompoundFold): no store and no copying, the accessor fires on every batch and
 * readers reconcile by identity (a `<For>` keeps the rows of unchanged entities). For folds that
 * mutate what they hand out, use createFoldProjection.
 */
export function createFoldState<S>(array: Accessor<Y.Array<unknown>>, makeFold: () => Fold<S>): Accessor<S> {
  const entry = createMemo(() => liveFold(array(), makeFold));
  return () => {
    const e = entry();
    e.version();
    return e.fold.state as S;
  };
}
