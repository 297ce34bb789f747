import { type Accessor, createMemo, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import type { Fold } from './Fold.ts';

interface Projection {
  store: object;
  refs: number;
  stop(): void;
}

export interface FoldOptions<S> {
  /**
   * What the store receives after each delta. reconcile keeps references and skips any object it
   * has seen before, so whatever the fold mutates in place must be copied here. Default: a deep
   * copy. `(s) => s` for a fold that never mutates what it handed out; `copyContainers(n)` for
   * one that publishes changed entities as fresh objects inside records it updates in place.
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

/** Projections shared by every component that reads the same array through the same fold. */
const projections = new WeakMap<Y.Array<unknown>, Map<() => Fold<unknown>, Projection>>();

/** Feeds one Y.Array's deltas into a fold and mirrors its state in a store (STYLE: one store per projection). */
export function makeFoldProjection<S extends object>(
  array: Y.Array<unknown>,
  makeFold: () => Fold<S>,
  options: FoldOptions<S> = {},
): { store: S; release(): void } {
  let byFold = projections.get(array);
  if (!byFold) {
    byFold = new Map();
    projections.set(array, byFold);
  }
  let p = byFold.get(makeFold);
  if (!p) {
    const fold = makeFold();
    fold.applyDelta([{ insert: array.toArray() }]);
    const copy: (state: S) => S = options.copy ?? ((state) => structuredClone(state));
    let seen = -1;
    const snapshot = () => {
      seen = fold.version;
      return copy(fold.state);
    };
    const [store, setStore] = createStore<S>(snapshot());
    const observer = (event: Y.YArrayEvent<unknown>) => {
      fold.applyDelta(event.changes.delta as Parameters<Fold<S>['applyDelta']>[0]);
      if (fold.version !== seen) setStore(reconcile(snapshot(), { key: 'id' }));
    };
    array.observe(observer);
    p = { store, refs: 0, stop: () => array.unobserve(observer) };
    byFold.set(makeFold, p);
  }
  p.refs++;
  const entry = p;
  const map = byFold;
  let released = false;
  return {
    store: entry.store as S,
    release() {
      if (released) return;
      released = true;
      if (--entry.refs === 0) {
        entry.stop();
        map.delete(makeFold);
      }
    },
  };
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
