import { type Accessor, batch, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { arrayChange } from '../../shared/yjs/arrayChange.ts';
import type { Fold } from './Fold.ts';

/** One fold of one Y.Array, fed by the array's deltas while anyone reads it. */
export interface LiveFold<S> {
  readonly fold: Fold<S>;
  /** Fires after each batch of deltas that changed the fold. */
  readonly version: Accessor<number>;
  /** Built once per key and kept while the fold lives (e.g. a store mirroring it). */
  derive<T>(key: object, make: (onChange: (listener: () => void) => void) => T): T;
}

interface Entry extends LiveFold<unknown> {
  refs: number;
  held: boolean;
  stop(): void;
}

/** The only cache of folds: every reader of the same array through the same factory shares one. */
const cache = new WeakMap<Y.Array<unknown>, Map<() => Fold<unknown>, Entry>>();

function open(array: Y.Array<unknown>, makeFold: () => Fold<unknown>, byFold: Map<() => Fold<unknown>, Entry>): Entry {
  const fold = makeFold();
  fold.applyDelta([{ insert: array.toArray() }]);
  const [version, setVersion] = createSignal(fold.version);
  const listeners = new Set<() => void>();
  const derived = new Map<object, unknown>();
  const observer = (event: Y.YArrayEvent<unknown>) => {
    const before = fold.version;
    fold.applyDelta(arrayChange(event).delta);
    if (fold.version === before) return;
    batch(() => {
      setVersion(fold.version);
      for (const listener of listeners) listener();
    });
  };
  array.observe(observer);
  return {
    fold,
    version,
    derive<T>(key: object, make: (onChange: (listener: () => void) => void) => T): T {
      if (!derived.has(key))
        derived.set(
          key,
          make((listener) => listeners.add(listener)),
        );
      return derived.get(key) as T;
    },
    refs: 0,
    held: false,
    stop() {
      array.unobserve(observer);
      listeners.clear();
      derived.clear();
      byFold.delete(makeFold);
    },
  };
}

function release(entry: Entry): void {
  if (--entry.refs === 0) entry.stop();
}

/**
 * The live fold of `array` through `makeFold`, built on first use. Each acquire needs one release;
 * the last release unobserves the array, unless the fold is kept with its document.
 */
export function acquireFold<S>(
  array: Y.Array<unknown>,
  makeFold: () => Fold<S>,
  { keepWithDocument = false } = {},
): { live: LiveFold<S>; release(): void } {
  let byFold = cache.get(array);
  if (!byFold) {
    byFold = new Map();
    cache.set(array, byFold);
  }
  let entry = byFold.get(makeFold);
  if (!entry) {
    entry = open(array, makeFold, byFold);
    byFold.set(makeFold, entry);
  }
  entry.refs++;
  if (keepWithDocument && !entry.held && array.doc) {
    // Re-folding a five-year log costs ~60 ms: the document holds its fold until it is destroyed.
    const held = entry;
    held.held = true;
    held.refs++;
    array.doc.once('destroy', () => release(held));
  }
  const entryNow = entry;
  let released = false;
  return {
    live: entryNow as LiveFold<S>,
    release() {
      if (released) return;
      released = true;
      release(entryNow);
    },
  };
}
