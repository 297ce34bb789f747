import type Database from 'better-sqlite3';

// One file holds every table; CREATE ... IF NOT EXISTS makes opening an existing file a no-op.
export const schema = `
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, id);
CREATE TABLE IF NOT EXISTS compounds (
  compound_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  member_id TEXT PRIMARY KEY,
  compound_id TEXT NOT NULL REFERENCES compounds (compound_id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  party TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  joined_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS invites (
  code TEXT PRIMARY KEY,
  compound_id TEXT NOT NULL REFERENCES compounds (compound_id),
  role TEXT NOT NULL,
  party TEXT NOT NULL,
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blobs (
  compound_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (compound_id, hash)
);
`;

/** Creates the tables and indexes a new data directory lacks. */
export function applySchema(db: Database.Database): void {
  db.exec(schema);
}
