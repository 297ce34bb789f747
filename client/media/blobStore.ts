/** Photos kept on this phone by content hash, and the uploads still owed to the relay: their own small database. */
export const BLOB_DB = 'little-stool-blobs';
const BLOBS = 'blobs';
const UPLOADS = 'uploads';

export interface StoredBlob {
  hash: string;
  type: string;
  bytes: ArrayBuffer;
  storedAt: number;
}

export interface PendingUpload {
  /** `<compoundId>/<hash>`. */
  key: string;
  compoundId: string;
  hash: string;
  queuedAt: number;
  attempts: number;
  /** The relay refused it (the relay's code, and when): kept, shown, and tried again only later. */
  refused?: { code: string; at: number };
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(BLOB_DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(BLOBS)) db.createObjectStore(BLOBS, { keyPath: 'hash' });
      if (!db.objectStoreNames.contains(UPLOADS)) db.createObjectStore(UPLOADS, { keyPath: 'key' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading, or the browser clearing storage: open again next time.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = undefined;
      reject(req.error);
    };
  });
  return opening;
}

function run<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const req = fn(tx.objectStore(store));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error);
        tx.onabort = () => reject(tx.error ?? new Error('aborted'));
      }),
  );
}

/** Bytes are stored, not Blobs: older Safari cannot keep Blobs in IndexedDB. */
export async function putBlob(hash: string, blob: Blob): Promise<void> {
  const bytes = await blob.arrayBuffer();
  await run(BLOBS, 'readwrite', (s) => s.put({ hash, type: blob.type || 'image/jpeg', bytes, storedAt: Date.now() }));
}

export async function getBlob(hash: string): Promise<Blob | undefined> {
  const found = (await run(BLOBS, 'readonly', (s) => s.get(hash))) as StoredBlob | undefined;
  return found ? new Blob([found.bytes], { type: found.type }) : undefined;
}

export async function queueUpload(compoundId: string, hash: string): Promise<void> {
  const key = `${compoundId}/${hash}`;
  await run(UPLOADS, 'readwrite', (s) => s.put({ key, compoundId, hash, queuedAt: Date.now(), attempts: 0 }));
}

export async function pendingUploads(): Promise<PendingUpload[]> {
  const all = (await run(UPLOADS, 'readonly', (s) => s.getAll())) as PendingUpload[];
  return all.sort((a, b) => a.queuedAt - b.queuedAt);
}

export async function updateUpload(upload: PendingUpload): Promise<void> {
  await run(UPLOADS, 'readwrite', (s) => s.put(upload));
}

export async function removeUpload(key: string): Promise<void> {
  await run(UPLOADS, 'readwrite', (s) => s.delete(key));
}
