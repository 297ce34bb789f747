import type Database from 'better-sqlite3';

// One file holds every table; CREATE ... IF NOT EXISTS makes opening an existing file a no-op.
export const schema = `
CREATE TABLE IF NOT EXISTS updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, id);
-- A room's rows with id up to merged_upto were written by a compaction; the rows after it were appended.
CREATE TABLE IF NOT EXISTS compactions (
  room TEXT PRIMARY KEY,
  merged_upto INTEGER NOT NULL
);
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
  unit TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  joined_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS invites (
  code TEXT PRIMARY KEY,
  compound_id TEXT NOT NULL REFERENCES compounds (compound_id),
  role TEXT NOT NULL,
  party TEXT NOT NULL,
  unit TEXT,
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  expires_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS invites_compound ON invites (compound_id);
CREATE INDEX IF NOT EXISTS invites_created_by ON invites (created_by);
CREATE TABLE IF NOT EXISTS blobs (
  compound_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (compound_id, hash)
);
`;

interface AddedColumn {
  table: string;
  column: string;
  type: string;
  /** Runs once, right after the column is added to an older file; `?` is the time of opening. */
  backfill?: string;
}

/** Columns added after their table first shipped: an older data directory gets them on opening. */
const addedColumns: readonly AddedColumn[] = [
  {
    table: 'invites',
    column: 'revoked_at',
    type: 'INTEGER',
    // Minted before only admins could invite into another party: such an invite must not outlive the rule.
    backfill: `UPDATE invites SET revoked_at = ? WHERE role = 'committee' AND EXISTS (SELECT 1 FROM members m
      WHERE m.member_id = invites.created_by AND m.role <> 'admin' AND m.party <> invites.party)`,
  },
  // A partner's unit (共建单位), on the member and on the invite that joins them.
  { table: 'members', column: 'unit', type: 'TEXT' },
  { table: 'invites', column: 'unit', type: 'TEXT' },
];

/** Creates the tables, indexes and columns a data directory lacks. */
export function applySchema(db: Database.Database, now = Date.now()): void {
  db.exec(schema);
  for (const { table, column, type, backfill } of addedColumns) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
    if (columns.some((c) => c.name === column)) continue;
    db.transaction(() => {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
      if (backfill) db.prepare(backfill).run(now);
    })();
  }
}
