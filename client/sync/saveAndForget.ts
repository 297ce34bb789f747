import * as Y from 'yjs';
import type { EarlyWrites } from './earlyWrites.ts';
import { type ExportedCopy, exportCopy } from './exportDoc.ts';
import { LocalCopy } from './LocalCopy.ts';

/**
 * What a reset keeps of a copy the relay refused: the copy, with what other tabs stored, saved to
 * files (downloaded), then its database and its early writes forgotten. When IndexedDB fails on the
 * way, the error is thrown and `old` holds what was read (the database may be gone or not: the copy
 * is stored again when it is opened).
 */
export async function saveAndForget(
  old: Y.Doc,
  dbName: string,
  early: EarlyWrites,
  ids: { compoundId: string; docName: string },
): Promise<ExportedCopy> {
  let stored: Uint8Array[] = [];
  let copy: ExportedCopy;
  try {
    // Another tab's writes are in the database (or its early-write key) and never in this tab's
    // doc: y-indexeddb reads the database only at load. They go into the files before the copy goes.
    stored = [...(await LocalCopy.storedUpdates(dbName)), ...early.all()];
    await LocalCopy.clear(dbName);
    // Saved only now, when the fresh doc takes over: a write made while the copy was closed and
    // deleted is in the old doc, and in the files with the rest of it.
    const saved = withUpdates(old, stored);
    copy = exportCopy(saved, ids.compoundId, ids.docName);
    saved.destroy();
    copy.download();
  } catch (e) {
    for (const update of stored) Y.applyUpdate(old, update, LocalCopy);
    throw e;
  }
  early.forgetAll();
  return copy;
}

/** A new doc holding `doc` and `updates` (the old doc's projections still watch it: it stays as it is). */
function withUpdates(doc: Y.Doc, updates: Uint8Array[]): Y.Doc {
  const all = new Y.Doc();
  all.transact(() => {
    Y.applyUpdate(all, Y.encodeStateAsUpdate(doc));
    for (const update of updates) Y.applyUpdate(all, update);
  });
  return all;
}
