import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalCopy } from '../../../client/sync/LocalCopy.ts';
import type { SavedUnsent } from '../../../client/sync/UnsentTracker.ts';

const unsentOf = (clock: number): SavedUnsent => ({
  entries: [{ client: 7, clock, deleteOnly: false, round: 0 }],
  confirmed: [[7, 0]],
});

async function storeVisit(dbName: string, saved: SavedUnsent): Promise<void> {
  const doc = new Y.Doc();
  const copy = new LocalCopy(dbName, doc);
  await copy.loaded;
  doc.getArray('events').push([{ id: 'offline-1' }]);
  await copy.saveUnsent(() => saved);
  await copy.destroy();
}

describe('a document’s copy in IndexedDB', () => {
  it('loads what an earlier visit stored, with the unsent list it left', async () => {
    await storeVisit('copy-a', unsentOf(1));
    const doc = new Y.Doc();
    const copy = new LocalCopy('copy-a', doc);
    const result = await copy.loaded;
    expect(result).toEqual({ ok: true, unsent: unsentOf(1) });
    expect(doc.getArray('events').toJSON()).toEqual([{ id: 'offline-1' }]);
    await copy.destroy();
  });

  it('a first visit loads an empty document and no unsent list', async () => {
    const doc = new Y.Doc();
    const copy = new LocalCopy('copy-b', doc);
    expect(await copy.loaded).toEqual({ ok: true, unsent: undefined });
    expect(doc.getArray('events').length).toBe(0);
    await copy.destroy();
  });

  it('hands back the last visit’s unsent list even when this visit saves one while loading', async () => {
    await storeVisit('copy-c', unsentOf(1));
    const doc = new Y.Doc();
    const copy = new LocalCopy('copy-c', doc);
    const saving = copy.saveUnsent(() => unsentOf(2));
    expect(await copy.loaded).toEqual({ ok: true, unsent: unsentOf(1) });
    await saving;
    await copy.destroy();
  });

  it('clear() forgets the document', async () => {
    await storeVisit('copy-d', unsentOf(1));
    await LocalCopy.clear('copy-d');
    const doc = new Y.Doc();
    const copy = new LocalCopy('copy-d', doc);
    expect(await copy.loaded).toEqual({ ok: true, unsent: undefined });
    expect(doc.getArray('events').length).toBe(0);
    await copy.destroy();
  });
});
