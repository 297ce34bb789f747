import './support/offlineBrowser.ts';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EarlyWrites } from '../../../client/sync/earlyWrites.ts';
import { LocalCopy } from '../../../client/sync/LocalCopy.ts';
import { eventually } from '../../helpers/eventually.ts';

// Chromium out of quota: the write's request reports success, then its transaction aborts at commit.
const realAdd = IDBObjectStore.prototype.add;
let full = false;
IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
  const request = realAdd.apply(this, args);
  if (full && this.name === 'updates') request.addEventListener('success', () => this.transaction.abort());
  return request;
};
afterEach(() => {
  full = false;
});

async function visit(dbName: string, early?: EarlyWrites) {
  const doc = new Y.Doc();
  const errors: unknown[] = [];
  const copy = new LocalCopy(dbName, doc, (e) => errors.push(e), early);
  const loaded = await copy.loaded;
  if (!loaded.ok) throw new Error('the copy did not load');
  return { doc, copy, errors, unsent: loaded.unsent, events: () => doc.getArray('events').toJSON() };
}

describe('a phone whose storage is full', () => {
  it('a write whose transaction aborts after its request succeeded is reported at once and put back by the next visit', async () => {
    const first = await visit('full-a', new EarlyWrites('c1', 'public'));
    full = true;
    first.doc.getArray('events').push([{ id: 'long-request' }]);
    await eventually(() => expect(first.errors.length).toBeGreaterThan(0));
    await first.copy.destroy();
    full = false;

    const second = await visit('full-a', new EarlyWrites('c1', 'public'));
    expect(second.events()).toEqual([{ id: 'long-request' }]);
    expect(second.errors).toEqual([]);
    // It may never have left the phone: counted as unsent until the relay holds it.
    expect(second.unsent?.entries).toEqual([
      { client: first.doc.clientID, clock: 1, from: 0, deleteOnly: false, round: 0 },
    ]);
    await second.copy.destroy();

    // Put back, it was stored this time: a visit reads it from IndexedDB alone.
    const third = await visit('full-a');
    expect(third.events()).toEqual([{ id: 'long-request' }]);
    await third.copy.destroy();
  });

  it('a write stored in full forgets nothing the member wrote before it failed', async () => {
    const first = await visit('full-b', new EarlyWrites('c1', 'needs'));
    first.doc.getArray('events').push([{ id: 'stored' }]);
    full = true;
    first.doc.getArray('events').push([{ id: 'not-stored' }]);
    await eventually(() => expect(first.errors.length).toBeGreaterThan(0));
    full = false;
    first.doc.getArray('events').push([{ id: 'stored-again' }]);
    await first.copy.destroy();

    const second = await visit('full-b', new EarlyWrites('c1', 'needs'));
    expect(second.events()).toEqual([{ id: 'stored' }, { id: 'not-stored' }, { id: 'stored-again' }]);
    await second.copy.destroy();
  });
});
