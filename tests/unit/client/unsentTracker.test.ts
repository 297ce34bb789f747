import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type SavedUnsent, UnsentTracker } from '../../../client/sync/UnsentTracker.ts';

function setup() {
  const doc = new Y.Doc();
  let saved: SavedUnsent | undefined;
  const tracker = new UnsentTracker(doc, (s) => {
    saved = structuredClone(s);
  });
  return { doc, tracker, saved: () => saved };
}

const sv = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('UnsentTracker', () => {
  it('counts each local transaction until the relay’s state vector covers it', () => {
    const { doc, tracker } = setup();
    doc.transact(() => doc.getArray('events').push([{ id: 'a' }]));
    const afterFirst = sv(doc);
    doc.transact(() => doc.getArray('events').push([{ id: 'b' }, { id: 'c' }]));
    expect(tracker.count()).toBe(2);
    tracker.confirm(afterFirst, true);
    expect(tracker.count()).toBe(1);
    tracker.confirm(sv(doc), true);
    expect(tracker.count()).toBe(0);
  });

  it('does not count changes that arrive from elsewhere', () => {
    const { doc, tracker } = setup();
    const other = new Y.Doc();
    other.getArray('events').push([{ id: 'remote' }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'relay');
    expect(tracker.count()).toBe(0);
  });

  it('a state vector from before the write confirms nothing', () => {
    const { doc, tracker } = setup();
    const before = sv(doc);
    doc.getArray('events').push([{ id: 'a' }]);
    tracker.confirm(before, true);
    expect(tracker.count()).toBe(1);
  });

  it('restores what an earlier visit left unsent, under that visit’s client id', () => {
    const first = setup();
    first.doc.getArray('events').push([{ id: 'offline' }]);
    const stored = Y.encodeStateAsUpdate(first.doc);
    const saved = first.saved();
    expect(saved?.entries).toHaveLength(1);

    const second = setup();
    Y.applyUpdate(second.doc, stored, 'indexeddb');
    second.tracker.restore(saved);
    expect(second.tracker.count()).toBe(1);
    second.tracker.confirm(sv(second.doc), false);
    expect(second.tracker.count()).toBe(0);
  });

  it('drops restored entries the local copy does not hold (a cleared database)', () => {
    const first = setup();
    first.doc.getArray('events').push([{ id: 'lost' }]);
    const second = setup();
    second.tracker.restore(first.saved());
    expect(second.tracker.count()).toBe(0);
  });

  it('counts a delete-only change as sent once a later probe has been answered', () => {
    const { doc, tracker } = setup();
    doc.getText('notes').insert(0, 'abc');
    tracker.confirm(sv(doc), true);
    expect(tracker.count()).toBe(0);
    doc.getText('notes').delete(0, 1);
    expect(tracker.count()).toBe(1);
    // The relay's greeting on a new connection says nothing about deletions.
    tracker.confirm(sv(doc), false);
    expect(tracker.count()).toBe(1);
    tracker.probeSent();
    tracker.confirm(sv(doc), true);
    expect(tracker.count()).toBe(0);
  });

  it('stores another tab’s entries beside its own until it took them over and saw them sent', () => {
    const a = setup();
    a.doc.getArray('events').push([{ id: 'tab-a' }]);
    const b = setup();
    b.doc.getArray('events').push([{ id: 'tab-b' }]);
    // Tab B saves after tab A: tab A's entry stays in the stored list.
    expect(b.tracker.merged(a.saved()).entries).toHaveLength(2);
    // Tab B reads tab A's write from the database and takes its entry over.
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'indexeddb');
    b.tracker.restore(b.tracker.merged(a.saved()));
    expect(b.tracker.count()).toBe(2);
    b.tracker.confirm(sv(b.doc), true);
    expect(b.tracker.count()).toBe(0);
    // Sent: tab A's entry, still in the list tab A stored, is not put back.
    expect(b.tracker.merged(a.saved()).entries).toEqual([]);
  });
});
