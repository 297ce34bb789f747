import type { Pool } from 'pg';

// CREATE ... IF NOT EXISTS makes opening an existing database a no-op; one advisory lock keeps
// two instances starting at once from racing on it.
const schema = `
CREATE TABLE IF NOT EXISTS updates (
  id BIGSERIAL PRIMARY KEY,
  room TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, id);
-- A room's rows with id up to merged_upto were written by a compaction; the rows after it were appended.
CREATE TABLE IF NOT EXISTS compactions (
  room TEXT PRIMARY KEY,
  merged_upto BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_ids (
  room TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (room, id)
);
CREATE TABLE IF NOT EXISTS compounds (
  compound_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  member_id TEXT PRIMARY KEY,
  compound_id TEXT NOT NULL REFERENCES compounds (compound_id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  party TEXT NOT NULL,
  unit TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  joined_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE TABLE IF NOT EXISTS invites (
  code TEXT PRIMARY KEY,
  compound_id TEXT NOT NULL REFERENCES compounds (compound_id),
  role TEXT NOT NULL,
  party TEXT NOT NULL,
  unit TEXT,
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS invites_compound ON invites (compound_id);
CREATE INDEX IF NOT EXISTS invites_created_by ON invites (created_by);
-- Added after the tables first shipped: a partner's unit (共建单位).
ALTER TABLE members ADD COLUMN IF NOT EXISTS unit TEXT;
ALTER TABLE invites ADD COLUMN IF NOT EXISTS unit TEXT;
CREATE TABLE IF NOT EXISTS blobs (
  compound_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (compound_id, hash)
);
`;

const schemaLock = 7_407_310_001;

/** Creates the tables and indexes a database lacks. */
export async function applyPgSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [schemaLock]);
    await client.query(schema);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [schemaLock]).catch(() => {});
    client.release();
  }
}
