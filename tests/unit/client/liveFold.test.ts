import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EventLogFold } from '../../../client/reactive/Fold.ts';
import { acquireFold } from '../../../client/reactive/liveFold.ts';

/** A factory that counts the folds it builds, so a test can tell a shared fold from a fresh one. */
function countingFactory() {
  const made = { count: 0 };
  const makeFold = () => {
    made.count++;
    return new EventLogFold<number>();
  };
  return { made, makeFold };
}

function log(): Y.Array<number> {
  return new Y.Doc().getArray<number>('events');
}

describe('the live fold cache', () => {
  it('gives every reader of the same array and factory one fold, folded once', () => {
    const events = log();
    events.push([1, 2]);
    const { made, makeFold } = countingFactory();
    const a = acquireFold(events as Y.Array<unknown>, makeFold);
    const b = acquireFold(events as Y.Array<unknown>, makeFold);
    expect(b.live).toBe(a.live);
    expect(made.count).toBe(1);
    events.push([3]);
    expect(a.live.fold.state.events).toEqual([1, 2, 3]);
    expect(a.live.version()).toBe(2);
  });

  it('stops observing when the last reader releases, and the next reader folds afresh', () => {
    const events = log();
    const { made, makeFold } = countingFactory();
    const a = acquireFold(events as Y.Array<unknown>, makeFold);
    const b = acquireFold(events as Y.Array<unknown>, makeFold);
    a.release();
    a.release();
    events.push([1]);
    expect(b.live.fold.state.events).toEqual([1]);
    b.release();
    events.push([2]);
    expect(b.live.fold.state.events).toEqual([1]);
    const c = acquireFold(events as Y.Array<unknown>, makeFold);
    expect(c.live).not.toBe(b.live);
    expect(made.count).toBe(2);
    expect(c.live.fold.state.events).toEqual([1, 2]);
  });

  it('keeps a fold held by its document after the readers go, until the document is destroyed', () => {
    const events = log();
    const { made, makeFold } = countingFactory();
    const page = acquireFold(events as Y.Array<unknown>, makeFold, { keepWithDocument: true });
    const kept = page.live;
    page.release();
    events.push([1]);
    expect(kept.fold.state.events).toEqual([1]);
    const nextPage = acquireFold(events as Y.Array<unknown>, makeFold, { keepWithDocument: true });
    expect(nextPage.live).toBe(kept);
    nextPage.release();
    events.doc!.destroy();
    events.push([2]);
    expect(kept.fold.state.events).toEqual([1]);
    expect(made.count).toBe(1);
  });

  it('builds a derived value once per key and tells it about every change', () => {
    const events = log();
    const { makeFold } = countingFactory();
    const { live, release } = acquireFold(events as Y.Array<unknown>, makeFold);
    const key = {};
    const seen: number[][] = [];
    const make = (onChange: (listener: () => void) => void) => {
      onChange(() => seen.push([...live.fold.state.events]));
      return { built: seen.length };
    };
    const first = live.derive(key, make);
    expect(live.derive(key, make)).toBe(first);
    events.push([1]);
    events.push([2]);
    expect(seen).toEqual([[1], [1, 2]]);
    release();
  });
});
