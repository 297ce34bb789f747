import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { describe, expect, it } from 'vitest';
import { isStorageError } from '../../../client/sync/storage.ts';

describe('IndexedDB failures, as y-indexeddb hands them on', () => {
  it('are told from other errors whether the browser’s own or wrapped by lib0', async () => {
    // A write lib0 makes fail (a key already there), wrapped as y-indexeddb's writes are.
    const db = await idb.openDB('storage-errors', (d) => idb.createStores(d, [['s']]));
    const [first] = idb.transact(db, ['s']);
    await idb.add(first!, 'v', 'k');
    const [second] = idb.transact(db, ['s']);
    const wrapped = await idb.add(second!, 'v', 'k').catch((e: unknown) => e);
    expect((wrapped as Error).name).toBe('Error');
    // A constraint error is none of the storage failures the banner is for; a quota one is.
    expect(isStorageError(wrapped)).toBe(false);
    expect(
      isStorageError(new Error(String(new DOMException('The quota has been exceeded.', 'QuotaExceededError')))),
    ).toBe(true);
    expect(isStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isStorageError(new DOMException('closing', 'InvalidStateError'))).toBe(true);
    expect(isStorageError(new Error('network down'))).toBe(false);
    expect(isStorageError(undefined)).toBe(false);
    db.close();
  });
});
