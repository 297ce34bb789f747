import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { knowsInner, storeAfterLoad } from '../../../client/sync/storeAfterLoad.ts';
import { eventually } from '../../helpers/eventually.ts';

let n = 0;
const freshName = () => `store-after-load-${++n}`;

/** Opens a document from IndexedDB as DocHandle does. */
function open(name: string) {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  storeAfterLoad(persistence, doc);
  return { doc, persistence };
}

/** What a later visit reads back from IndexedDB. */
async function reopen(name: string): Promise<unknown[]> {
  const { doc, persistence } = open(name);
  await persistence.whenSynced;
  const events = doc.getArray('events').toArray();
  await persistence.destroy();
  return events;
}

/** How many updates a document's y-indexeddb database holds. */
function storedRows(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const count = req.result.transaction('updates', 'readonly').objectStore('updates').count();
      count.onsuccess = () => {
        req.result.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}

describe('storeAfterLoad', () => {
  it('finds the y-indexeddb fields it reads on the installed version (an upgrade that renames them fails here)', async () => {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(freshName(), doc);
    expect(knowsInner(persistence, doc)).toBe(true);
    await persistence.whenSynced;
    expect((persistence as unknown as { db: unknown }).db).toBeInstanceOf(IDBDatabase);
    await persistence.destroy();
  });

  it('leaves a y-indexeddb without those fields to store by itself: each write stored once', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    // As if an upgrade had renamed its listener: taking off `_storeUpdate` would take off nothing.
    delete (persistence as unknown as { _storeUpdate?: unknown })._storeUpdate;
    const warn = console.warn;
    console.warn = () => {};
    try {
      storeAfterLoad(persistence, doc);
    } finally {
      console.warn = warn;
    }
    await persistence.whenSynced;
    const before = await storedRows(name);
    // Every listener writes in a transaction of its own from inside the update event; IndexedDB
    // runs them in order, so a count asked after the push sees them all.
    doc.getArray('events').push([{ id: 'one' }]);
    expect(await storedRows(name)).toBe(before + 1);
    await persistence.destroy();
  });

  it('loads the stored log without encoding it back into an update', async () => {
    const name = freshName();
    const first = open(name);
    await first.persistence.whenSynced;
    first.doc.getArray('events').push([{ id: 'a' }, { id: 'b' }]);
    await eventually(async () => expect(await reopen(name)).toEqual([{ id: 'a' }, { id: 'b' }]));
    await first.persistence.destroy();

    const { doc, persistence } = open(name);
    const listening: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === persistence) listening.push(doc._observers.has('update'));
    });
    await persistence.whenSynced;
    expect(doc.getArray('events').length).toBe(2);
    expect(listening).toEqual([false]);
    await persistence.destroy();
  });

  it('stores a write made while the stored log is still loading', async () => {
    const name = freshName();
    const seed = open(name);
    await seed.persistence.whenSynced;
    seed.doc.getArray('events').push([{ id: 'old' }]);
    await eventually(async () => expect(await reopen(name)).toEqual([{ id: 'old' }]));
    await seed.persistence.destroy();

    const { doc, persistence } = open(name);
    doc.getArray('events').push([{ id: 'early' }]);
    await persistence.whenSynced;
    doc.getArray('events').push([{ id: 'late' }]);
    await eventually(async () =>
      expect((await reopen(name)).map((e) => (e as { id: string }).id).sort()).toEqual(['early', 'late', 'old']),
    );
    await persistence.destroy();
  });

  it('a write after another tab deleted the database is reported, and the document goes on', async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    const errors: unknown[] = [];
    storeAfterLoad(persistence, doc, (e) => errors.push(e));
    await persistence.whenSynced;
    // The relay link and the page listen after y-indexeddb.
    const sent: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => sent.push(u));
    const push = (id: string) => doc.getArray('events').push([{ id }]);
    push('before');
    // Another tab resets the document: deleting its database closes this tab's connection to it.
    await clearDocument(name);
    expect(() => push('after')).not.toThrow();
    push('later');
    expect(sent).toHaveLength(3);
    expect(errors).not.toEqual([]);
    await persistence.destroy();
  });
});
