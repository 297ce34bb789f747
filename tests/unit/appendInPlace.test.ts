import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { installAppendInPlace } from '../../shared/yjs/appendInPlace.ts';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Three phones edit one array and one map (appends, inserts in the middle, deletes, undo and
 * redo) and exchange their updates in a random order, some in one transaction; returns every
 * doc's content and every update, so two runs can be compared byte for byte.
 */
function scenario(seed: number): { json: unknown[]; updates: Uint8Array[] } {
  const next = random(seed);
  const phones = [1, 2, 3].map((id) => {
    const doc = new Y.Doc();
    doc.clientID = id;
    return doc;
  });
  const undo = new Y.UndoManager(phones[0]!.getArray('events'), { captureTimeout: 0 });
  const updates: Uint8Array[] = [];
  for (const doc of phones) doc.on('update', (u: Uint8Array) => updates.push(u));
  let n = 0;
  for (let step = 0; step < 400; step++) {
    const doc = phones[Math.floor(next() * phones.length)]!;
    const events = doc.getArray<unknown>('events');
    const r = next();
    if (r < 0.5) events.push([{ id: `e${n++}`, at: step }]);
    else if (r < 0.6) events.push([{ id: `e${n++}` }, { id: `e${n++}` }, `标题${n}`]);
    else if (r < 0.7) events.insert(Math.floor(next() * (events.length + 1)), [{ id: `e${n++}` }]);
    else if (r < 0.78 && events.length > 0) {
      const at = Math.floor(next() * events.length);
      events.delete(at, Math.min(events.length - at, 1 + Math.floor(next() * 3)));
    } else if (r < 0.83) doc.getMap('meta').set(`k${Math.floor(next() * 3)}`, { v: step });
    else if (r < 0.88) undo.undo();
    else if (r < 0.92) undo.redo();
    else {
      // Sync: one phone takes what another has, in one transaction of its separate updates.
      const from = phones[Math.floor(next() * phones.length)]!;
      if (from !== doc) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from, Y.encodeStateVector(doc)));
    }
  }
  // A latecomer applies every update one by one, then one that applies them in one transaction.
  const late = new Y.Doc();
  for (const u of updates) Y.applyUpdate(late, u);
  const bulk = new Y.Doc();
  bulk.transact(() => {
    for (const u of updates) Y.applyUpdate(bulk, u);
  });
  for (const a of phones) for (const b of phones) Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  const docs = [...phones, late, bulk];
  return {
    json: docs.map((d) => [d.getArray('events').toJSON(), d.getMap('meta').toJSON()]),
    updates: [...updates, ...docs.map((d) => Y.encodeStateAsUpdate(d))],
  };
}

describe('JSON content merged in place', () => {
  it('gives every doc and every update byte for byte what stock Yjs gives', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const stock = scenario(seed);
      uninstall = installAppendInPlace();
      const patched = scenario(seed);
      uninstall();
      uninstall = undefined;
      expect(patched.json).toEqual(stock.json);
      // Converged: each run's five docs agree.
      for (const json of patched.json) expect(json).toEqual(patched.json[0]);
      expect(patched.updates).toEqual(stock.updates);
    }
  });

  it('grows a phone’s run in place instead of copying it on every update', () => {
    const phone = new Y.Doc();
    const relay = new Y.Doc();
    phone.on('update', (u: Uint8Array) => Y.applyUpdate(relay, u));
    const run = () => {
      const item = relay.getArray('events')._start as Y.Item;
      return (item.content as Y.ContentAny).arr;
    };
    phone.getArray('events').push([{ id: 'e0' }]);
    phone.getArray('events').push([{ id: 'e1' }]);
    const before = run();
    expect(before).toHaveLength(2);
    uninstall = installAppendInPlace();
    phone.getArray('events').push([{ id: 'e2' }]);
    const grown = run();
    for (let i = 3; i < 50; i++) phone.getArray('events').push([{ id: `e${i}` }]);
    // One copy when the run is first merged here, then the same array, grown.
    expect(run()).toBe(grown);
    expect(run()).toHaveLength(50);
    expect(before).toHaveLength(2);
    expect(relay.getArray('events').toJSON()).toEqual(phone.getArray('events').toJSON());
  });

  it('gives a redone item its own array, untouched by later merges', () => {
    uninstall = installAppendInPlace();
    const doc = new Y.Doc();
    const events = doc.getArray<string>('events');
    const content = new Y.ContentAny(['a', 'b']);
    const copy = content.copy();
    expect(copy.arr).toEqual(['a', 'b']);
    expect(copy.arr).not.toBe(content.arr);
    // Through the undo manager: undo then redo re-inserts a copy; later appends merge into it.
    const undo = new Y.UndoManager(events, { captureTimeout: 0 });
    events.push(['x']);
    undo.undo();
    undo.redo();
    events.push(['y']);
    events.push(['z']);
    expect(events.toJSON()).toEqual(['x', 'y', 'z']);
    undo.undo();
    expect(events.toJSON()).toEqual(['x', 'y']);
  });
});
