import * as Y from 'yjs';

/** ContentAny whose array this module made and nobody else holds: merges may grow it in place. */
const owned = new WeakSet<object>();

/** Values moved to the front of a grown run in one `unshift`, well under any engine's argument limit. */
const MAX_UNSHIFT = 1024;

interface AnyContent {
  arr: unknown[];
}

function appendTo(arr: unknown[], values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) arr.push(values[i]);
}

/**
 * Makes Yjs merge JSON content in place. When an item merges with its neighbour (a phone's
 * consecutive events, after every transaction that adds one), Yjs's `ContentAny.mergeWith`
 * concatenates both arrays into a new one: a phone that appends n events one update at a time
 * makes the doc copy 1 + 2 + ... + n values, quadratic in the length of its run, and one
 * transaction over n such updates (a load) does the same from the run's end leftwards. Here the
 * first merge copies once into an array only this content holds; later merges push onto it, or,
 * when the run grows on the right, take the right one's array over. `copy` (the undo manager's
 * redo) gets its own array so that a later merge never shows through it. Everything Yjs and this
 * project read from content copies it or reads single values.
 *
 * Returns a function that puts Yjs's own methods back (for tests).
 */
export function installAppendInPlace(): () => void {
  const proto = Y.ContentAny.prototype as unknown as {
    mergeWith(this: AnyContent, right: AnyContent): boolean;
    copy(this: AnyContent): AnyContent;
  };
  const stock = { mergeWith: proto.mergeWith, copy: proto.copy };
  proto.mergeWith = function (this: AnyContent, right: AnyContent): boolean {
    if (owned.has(this)) {
      appendTo(this.arr, right.arr);
    } else if (owned.has(right) && right.arr.length > this.arr.length && this.arr.length <= MAX_UNSHIFT) {
      right.arr.unshift(...this.arr);
      this.arr = right.arr;
      owned.delete(right);
      owned.add(this);
    } else {
      this.arr = this.arr.concat(right.arr);
      owned.add(this);
    }
    return true;
  };
  proto.copy = function (this: AnyContent): AnyContent {
    return new Y.ContentAny(this.arr.slice()) as unknown as AnyContent;
  };
  return () => {
    proto.mergeWith = stock.mergeWith;
    proto.copy = stock.copy;
  };
}
