import type { Pool } from 'pg';
import type { BlobStore, BlobUsage } from '../Storage.ts';

const INSERT = 'INSERT INTO blobs (compound_id, hash, type, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING';
const USAGE = 'SELECT count(*) AS count, sum(octet_length(bytes)) AS bytes FROM blobs WHERE compound_id = $1';
type UsageRow = { count: string; bytes: string | null };
const usageRow = (r: UsageRow | undefined): BlobUsage => ({
  count: Number(r?.count ?? 0),
  bytes: Number(r?.bytes ?? 0),
});

/** Images by compound and sha-256 in the `blobs` table; storing the same image twice keeps the first. */
export function pgBlobStore(pool: Pool): BlobStore {
  return {
    async putBlob(b, admit) {
      const values = [
        b.compoundId,
        b.hash,
        b.type,
        Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength),
      ];
      if (!admit) {
        await pool.query(INSERT, values);
        return;
      }
      // The compound's uploads take turns from the look at its usage to the write, across instances.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('blobs:' || $1, 0))", [b.compoundId]);
        admit(usageRow((await client.query<UsageRow>(USAGE, [b.compoundId])).rows[0]));
        await client.query(INSERT, values);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
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
      return usageRow((await pool.query<UsageRow>(USAGE, [compoundId])).rows[0]);
    },
  };
}
