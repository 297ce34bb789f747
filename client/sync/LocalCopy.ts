import * as idb from 'lib0/indexeddb';
import { clearDocument, fetchUpdates, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { type ClientIdStore, isClientId } from './deviceClient.ts';
import type { EarlyWrites } from './earlyWrites.ts';
import { newId } from './ids.ts';
import { type StoreHook, storeAfterLoad } from './storeAfterLoad.ts';
import { type SavedUnsent, unionOfUnsent, unsentOfWrites } from './UnsentTracker.ts';

export type LoadResult = { ok: true; unsent: SavedUnsent | undefined } | { ok: false; error: unknown };

const UNSENT_KEY = 'unsent';
/**
 * A tab's own unsent list, put alone before it is merged into UNSENT_KEY. Each merge folds every
 * such key into UNSENT_KEY and deletes it, in one transaction: nothing is lost between the two.
 */
const TAB_UNSENT_PREFIX = 'unsent:';
const tabUnsentKeys = () => IDBKeyRange.bound(TAB_UNSENT_PREFIX, `${TAB_UNSENT_PREFIX}\uffff`);
/** y-indexeddb's store for keys beside the updates. */
const CUSTOM_STORE = 'custom';
const clientKey = (memberId: string) => `client:${memberId}`;

/** A document's copy in IndexedDB through y-indexeddb, with its unsent list kept in the same database. */
export class LocalCopy implements ClientIdStore {
  /** Settles once the stored updates are in the document, or with the error when IndexedDB cannot open. */
  readonly loaded: Promise<LoadResult>;
  private readonly persistence: IndexeddbPersistence;
  private readonly hook: StoreHook;
  /** Where this tab's own unsent list is put before each merge. */
  private readonly tabKey = TAB_UNSENT_PREFIX + newId();
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
    // whenSynced never settles when the database cannot open, but reading rejects then. Read at once,
    // so the list is the one the last visit left, before this visit saves writes made while loading.
    this.loaded = this.readUnsent().then(
      async (saved): Promise<LoadResult> => {
        await this.persistence.whenSynced;
        // y-indexeddb listens by now (storeAfterLoad's turn came first): what was put back is stored.
        // Put back, a write is counted as unsent until the relay's state vector covers it: it may
        // never have left the phone.
        const recovered = early?.recover(doc) ?? [];
        return { ok: true, unsent: unionOfUnsent([saved, unsentOfWrites(recovered)]) };
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
   * Stores this tab's unsent list (`mine`) and the list `merge` makes of the stored one. Other tabs
   * of the phone save theirs to the same database, so the stored list is read and written again in
   * one transaction. That read takes a trip to the database before anything is written, and a page
   * left within it would lose the write: `mine` is put first under this tab's own key, alone, in the
   * turn of the change. Resolves with what the merge stored.
   */
  async saveUnsent(mine: SavedUnsent, merge: (stored: SavedUnsent | undefined) => SavedUnsent): Promise<SavedUnsent> {
    const db = await this.persistence._db;
    const first = new Promise<void>((resolve, reject) => {
      const tx = db.transaction([CUSTOM_STORE], 'readwrite');
      tx.objectStore(CUSTOM_STORE).put(mine, this.tabKey);
      tx.commit?.();
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('unsent list not saved'));
    });
    // Transactions on one store run in the order they were made: the merge reads the put above.
    const saving = new Promise<SavedUnsent>((resolve, reject) => {
      const tx = db.transaction([CUSTOM_STORE], 'readwrite');
      const store = tx.objectStore(CUSTOM_STORE);
      let merged: SavedUnsent | undefined;
      readStored(store, (stored) => {
        merged = merge(stored);
        store.put(merged, UNSENT_KEY);
        store.delete(tabUnsentKeys());
      });
      tx.oncomplete = () => resolve(merged!);
      tx.onabort = () => reject(tx.error ?? new Error('unsent list not saved'));
    });
    this.saving = Promise.all([first, saving]).catch(() => undefined);
    await first;
    return saving;
  }

  /** The stored unsent list, with the tabs' own lists not merged into it yet. */
  private async readUnsent(): Promise<SavedUnsent | undefined> {
    const db = await this.persistence._db;
    return new Promise((resolve, reject) => {
      const tx = db.transaction([CUSTOM_STORE], 'readonly');
      readStored(tx.objectStore(CUSTOM_STORE), resolve);
      tx.onabort = () => reject(tx.error ?? new Error('unsent list not read'));
      tx.onerror = () => reject(tx.error ?? new Error('unsent list not read'));
    });
  }

  /**
   * Reads what other tabs of the phone stored since this copy loaded (y-indexeddb reads the
   * database only at load): their writes go into the document, their unsent list is returned.
   */
  async readOtherTabs(): Promise<SavedUnsent | undefined> {
    const loaded = await this.loaded;
    if (!loaded.ok || this.persistence._destroyed) return undefined;
    await fetchUpdates(this.persistence);
    return this.readUnsent();
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

/** The stored list and every tab's own list not merged yet, as one list. */
function readStored(store: IDBObjectStore, done: (stored: SavedUnsent | undefined) => void): void {
  const merged = store.get(UNSENT_KEY);
  const tabs = store.getAll(tabUnsentKeys());
  tabs.onsuccess = () => done(unionOfUnsent([merged.result, ...tabs.result] as (SavedUnsent | undefined)[]));
}
