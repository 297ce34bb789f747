import * as idb from 'lib0/indexeddb';
import { clearDocument, fetchUpdates, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { type ClientIdStore, isClientId } from './deviceClient.ts';
import type { EarlyWrites } from './earlyWrites.ts';
import { type StoreHook, storeAfterLoad } from './storeAfterLoad.ts';
import type { SavedUnsent } from './UnsentTracker.ts';

export type LoadResult = { ok: true; unsent: SavedUnsent | undefined } | { ok: false; error: unknown };

const UNSENT_KEY = 'unsent';
/** y-indexeddb's store for keys beside the updates. */
const CUSTOM_STORE = 'custom';
const clientKey = (memberId: string) => `client:${memberId}`;

/** A document's copy in IndexedDB through y-indexeddb, with its unsent list kept in the same database. */
export class LocalCopy implements ClientIdStore {
  /** Settles once the stored updates are in the document, or with the error when IndexedDB cannot open. */
  readonly loaded: Promise<LoadResult>;
  private readonly persistence: IndexeddbPersistence;
  private readonly hook: StoreHook;
  /** The last unsent list being saved: closing waits for it. */
  private saving: Promise<unknown> = Promise.resolve();

  /**
   * `onError`: a write to IndexedDB failed (the document goes on in memory and to the relay).
   * `early`: where writes made before the load ended are kept too, in case the app is closed first,
   * and writes IndexedDB failed to store (a full phone), for the next visit to put back.
   */
  constructor(
    dbName: string,
    doc: Y.Doc,
    onError?: (e: unknown) => void,
    private readonly early?: EarlyWrites,
  ) {
    this.persistence = new IndexeddbPersistence(dbName, doc);
    this.hook = storeAfterLoad(this.persistence, doc, onError, (writes) => early?.keep(writes));
    // lib0's requests resolve on success, and a transaction can still abort at commit (Chromium's
    // quota): y-indexeddb's other writes (the trimmed log, a key of `set`) fail only here.
    void this.persistence._db.then(
      (db) =>
        db.addEventListener('abort', (e) => {
          const error = (e.target as IDBTransaction | null)?.error;
          if (error) onError?.(error);
        }),
      () => undefined,
    );
    // whenSynced never settles when the database cannot open, but get() rejects then. Read at once,
    // so the list is the one the last visit left, before this visit saves writes made while loading.
    this.loaded = this.persistence.get(UNSENT_KEY).then(
      async (saved: unknown): Promise<LoadResult> => {
        await this.persistence.whenSynced;
        // y-indexeddb listens by now (storeAfterLoad's turn came first): what was put back is stored.
        early?.recover(doc);
        return { ok: true, unsent: saved as SavedUnsent | undefined };
      },
      (error: unknown): LoadResult => ({ ok: false, error }),
    );
  }

  /**
   * Every update a document's database holds (after destroy()). Another tab of the phone may have
   * stored writes there that this tab's doc never held: y-indexeddb reads the database only at load.
   */
  static async storedUpdates(dbName: string): Promise<Uint8Array[]> {
    // The stores y-indexeddb creates, should the database not exist yet.
    const db = await idb.openDB(dbName, (d) => idb.createStores(d, [['updates', { autoIncrement: true }], ['custom']]));
    try {
      const [updates] = idb.transact(db, ['updates'], 'readonly');
      return (await idb.getAll(updates!)) as Uint8Array[];
    } finally {
      db.close();
    }
  }

  /** Deletes a document's database (after destroy()). */
  static clear(dbName: string): Promise<void> {
    return clearDocument(dbName);
  }

  /**
   * Stores the unsent list `merge` makes of the stored one, read and written in one transaction:
   * another tab of the phone saves its own list to the same key. Resolves with what was stored.
   */
  async saveUnsent(merge: (stored: SavedUnsent | undefined) => SavedUnsent): Promise<SavedUnsent> {
    const db = await this.persistence._db;
    const saving = new Promise<SavedUnsent>((resolve, reject) => {
      const tx = db.transaction([CUSTOM_STORE], 'readwrite');
      const store = tx.objectStore(CUSTOM_STORE);
      let merged: SavedUnsent | undefined;
      const read = store.get(UNSENT_KEY);
      read.onsuccess = () => {
        merged = merge(read.result as SavedUnsent | undefined);
        store.put(merged, UNSENT_KEY);
      };
      tx.oncomplete = () => resolve(merged!);
      tx.onabort = () => reject(tx.error ?? new Error('unsent list not saved'));
    });
    this.saving = saving.catch(() => undefined);
    return saving;
  }

  /**
   * Reads what other tabs of the phone stored since this copy loaded (y-indexeddb reads the
   * database only at load): their writes go into the document, their unsent list is returned.
   */
  async readOtherTabs(): Promise<SavedUnsent | undefined> {
    const loaded = await this.loaded;
    if (!loaded.ok || this.persistence._destroyed) return undefined;
    await fetchUpdates(this.persistence);
    return (await this.persistence.get(UNSENT_KEY)) as SavedUnsent | undefined;
  }

  /** The client id this device writes the document under for the member, if it has one. */
  async storedClient(memberId: string): Promise<number | undefined> {
    const v: unknown = await this.persistence.get(clientKey(memberId));
    return isClientId(v) ? v : undefined;
  }

  async rememberClient(memberId: string, clientId: number): Promise<void> {
    await this.persistence.set(clientKey(memberId), clientId);
  }

  /**
   * Stops writing the document and closes the database. A write made while the stored copy was
   * still loading is stored only once the load ends (`storeAfterLoad`), so the load is let finish
   * first: a member who leaves the compound (or a document closed) within those seconds on a slow
   * phone would otherwise lose it without a trace. A closed app leaves it in `early`, for the next
   * visit; closed here, the database has it (a closing database finishes its writes first).
   */
  async destroy(): Promise<void> {
    const loaded = await this.loaded;
    await this.saving;
    this.hook.stop();
    await this.persistence.destroy().catch(() => undefined);
    // A write IndexedDB did not store is only in `early`: it stays for the next visit to put back.
    if (loaded.ok && !this.hook.lost()) this.early?.forget();
  }
}
