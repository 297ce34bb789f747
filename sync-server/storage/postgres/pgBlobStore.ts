import type { Pool } from 'pg';
import type { BlobStore } from '../Storage.ts';

/** Images by compound and sha-256 in the `blobs` table; storing the same image twice keeps the first. */
export function pgBlobStore(pool: Pool): BlobStore {
  return {
    async putBlob(b) {
      await pool.query(
        'INSERT INTO blobs (compound_id, hash, type, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [b.compoundId, b.hash, b.type, Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength)],
      );
    },
    async getBlob(compoundId, hash) {
      const r = (
        await pool.query<{ type: string; bytes: Buffer }>(
          'SELECT type, bytes FROM blobs WHERE compound_id = $1 AND hash = $2',
          [compoundId, hash],
        )
      ).rows[0];
      return r && { compoundId, hash, type: r.type, bytes: new Uint8Array(r.bytes) };
    },
    async usage(compoundId) {
      const r = (
        await pool.query<{ count: string; bytes: string | null }>(
          'SELECT count(*) AS count, sum(octet_length(bytes)) AS bytes FROM blobs WHERE compound_id = $1',
          [compoundId],
        )
      ).rows[0];
      return { count: Number(r?.count ?? 0), bytes: Number(r?.bytes ?? 0) };
    },
  };
}
