import type Database from 'better-sqlite3';
import type { BlobStore, BlobUsage } from '../Storage.ts';

/** Images by compound and sha-256 in the `blobs` table; storing the same image twice keeps the first. */
export function sqliteBlobStore(db: Database.Database): BlobStore {
  const q = {
    putBlob: db.prepare<[string, string, string, Uint8Array]>(
      'INSERT OR IGNORE INTO blobs (compound_id, hash, type, bytes) VALUES (?, ?, ?, ?)',
    ),
    getBlob: db.prepare<[string, string], { type: string; bytes: Buffer }>(
      'SELECT type, bytes FROM blobs WHERE compound_id = ? AND hash = ?',
    ),
    // length() of a blob reads its size from the row header, not its bytes.
    usage: db.prepare<[string], { count: number; bytes: number | null }>(
      'SELECT count(*) AS count, sum(length(bytes)) AS bytes FROM blobs WHERE compound_id = ?',
    ),
  };
  return {
    async putBlob(b, admit) {
      // One thread and no await between the look and the write: nothing comes in between.
      admit?.(usageOf(b.compoundId));
      q.putBlob.run(b.compoundId, b.hash, b.type, b.bytes);
    },
    async getBlob(compoundId, hash) {
      const r = q.getBlob.get(compoundId, hash);
      return r && { compoundId, hash, type: r.type, bytes: new Uint8Array(r.bytes) };
    },
    async usage(compoundId) {
      return usageOf(compoundId);
    },
  };

  function usageOf(compoundId: string): BlobUsage {
    const r = q.usage.get(compoundId);
    return { count: r?.count ?? 0, bytes: r?.bytes ?? 0 };
  }
}
