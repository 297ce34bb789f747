import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EventLogFold } from '../../../client/reactive/Fold.ts';

describe('EventLogFold', () => {
  it('follows a Y.Array through inserts, merges and deletes by its deltas', () => {
    const doc = new Y.Doc();
    const arr = doc.getArray<{ id: string }>('events');
    const fold = new EventLogFold<{ id: string }>();
    arr.observe((e) => fold.applyDelta(e.changes.delta));
    arr.push([{ id: 'a' }, { id: 'b' }]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getArray<{ id: string }>('events').insert(1, [{ id: 'x' }]);
    arr.push([{ id: 'c' }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    arr.delete(0, 1);
    expect(fold.state.events).toEqual(arr.toArray());
    expect(fold.version).toBe(4);
  });

  it('hands out a new array on each change, never mutating the previous state', () => {
    const fold = new EventLogFold<number>();
    fold.applyDelta([{ insert: [1, 2] }]);
    const before = fold.state.events;
    fold.applyDelta([{ retain: 2 }, { insert: [3] }]);
    expect(before).toEqual([1, 2]);
    expect(fold.state.events).toEqual([1, 2, 3]);
  });
});
