import { type Accessor, createMemo, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import type { Fold } from './Fold.ts';
import { acquireFold } from './liveFold.ts';

export interface FoldOptions<S> {
  /**
   * What the store receives after each delta. reconcile keeps references and skips any object it
   * has seen before, so whatever the fold mutates in place must be copied here. Default: a deep
   * copy. `(s) => s` for a fold that never mutates what it handed out; `copyContainers(n)` for
   * one that publishes changed entities as fresh objects inside records it updates in place.
   * Pass the same function each time: the store is shared per fold and copy.
   */
  copy?: (state: S) => S;
}

/** Shallow-copies plain objects and arrays down to `depth` levels; deeper values keep their identity. */
export function copyContainers(depth: number) {
  const copy = <T>(value: T, level: number): T => {
    if (level > depth || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => copy(v, level + 1)) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v, level + 1);
    return out as T;
  };
  return <S>(state: S): S => copy(state, 1);
}

const deepCopy = <S>(state: S): S => structuredClone(state);

/** Mirrors one Y.Array's fold in a store (one store per projection), shared by every reader. */
export function makeFoldProjection<S extends object>(
  array: Y.Array<unknown>,
  makeFold: () => Fold<S>,
  options: FoldOptions<S> = {},
): { store: S; release(): void } {
  const { live, release } = acquireFold(array, makeFold);
  const copy: (state: S) => S = options.copy ?? deepCopy;
  const store = live.derive(copy, (onChange) => {
    let seen = -1;
    const snapshot = () => {
      seen = live.fold.version;
      return copy(live.fold.state);
    };
    const [store, setStore] = createStore<S>(snapshot());
    onChange(() => {
      if (live.fold.version !== seen) setStore(reconcile(snapshot(), { key: 'id' }));
    });
    return store;
  });
  return { store, release };
}

/** The projection of whatever array the accessor names now (a document can be replaced after a recovery). */
export function createFoldProjection<S extends object>(
  array: Accessor<Y.Array<unknown>>,
  makeFold: () => Fold<S>,
  options?: FoldOptions<S>,
): Accessor<S> {
  return createMemo(() => {
    const p = makeFoldProjection(array(), makeFold, options);
    onCleanup(p.release);
    return p.store;
  });
}
