import * as Y from 'yjs';
import type { ArrayDelta } from '../folds/ArrayDelta.ts';

/** What one transaction changed in a Y.Array: the delta and the items it added. */
export interface ArrayChange {
  readonly delta: ArrayDelta;
  readonly added: Iterable<Y.Item>;
}

/**
 * What a transaction changed in a Y.Array, equal to `event.changes`. Yjs computes `changes` by
 * walking every item of the array, so each update of a five-year event log would cost a walk over
 * tens of thousands of items. When the transaction only appended at the end (a phone adds its
 * events: the common case), the change is read from the transaction's new structs alone.
 */
export function arrayChange(event: Y.YArrayEvent<unknown>): ArrayChange {
  return appendedOnly(event) ?? (event.changes as ArrayChange);
}

/** The change when the transaction deleted nothing and its new items in this array are its end. */
function appendedOnly(event: Y.YArrayEvent<unknown>): ArrayChange | undefined {
  const { transaction, target } = event;
  if (transaction.deleteSet.clients.size > 0) return undefined;
  const added = new Set<Y.Item>();
  const store = transaction.doc.store;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client);
    if (!structs) return undefined;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      // Garbage-collected structs stand for deleted content: Yjs knows best what that changed.
      if (!(struct instanceof Y.Item)) return undefined;
      if (struct.parent !== target) continue;
      if (struct.deleted || struct.parentSub !== null || struct.id.clock < before) return undefined;
      added.add(struct);
    }
  }
  if (added.size === 0) return undefined;
  // The new items are the array's end only if they form one run ending it.
  let first: Y.Item | undefined;
  for (const item of added) {
    if (item.right !== null && !added.has(item.right)) return undefined;
    if (item.left === null || !added.has(item.left)) {
      if (first) return undefined;
      first = item;
    }
  }
  if (!first) return undefined;
  const insert: unknown[] = [];
  for (let item: Y.Item | null = first; item !== null; item = item.right) {
    for (const value of item.content.getContent()) insert.push(value);
  }
  const retain = target.length - insert.length;
  return { delta: retain > 0 ? [{ retain }, { insert }] : [{ insert }], added };
}
