import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AccountStore,
  BlobRow,
  BlobStore,
  CompoundRow,
  DocStore,
  InviteRow,
  MemberRow,
  RedeemResult,
  Storage,
} from '../Storage.ts';

const schema = `
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

interface MemberDbRow {
  member_id: string;
  compound_id: string;
  name: string;
  role: MemberRow['role'];
  party: MemberRow['party'];
  joined_at: number;
  revoked_at: number | null;
}

const toMember = (r: MemberDbRow): MemberRow => ({
  memberId: r.member_id,
  compoundId: r.compound_id,
  name: r.name,
  role: r.role,
  party: r.party,
  joinedAt: r.joined_at,
  revokedAt: r.revoked_at,
});

export interface SqliteOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` survives a killed process. */
  synchronous?: 'full' | 'normal';
}

/** The embedded default storage: one SQLite file in DATA_DIR, WAL mode. */
export function openSqliteStorage(dataDir: string, options: SqliteOptions = {}): Storage {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'little-stool.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.exec(schema);

  const q = {
    load: db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY id'),
    append: db.prepare<[string, Uint8Array]>('INSERT INTO updates (room, data) VALUES (?, ?)'),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM updates WHERE room = ?'),
    bytes: db.prepare<[string], { b: number | null }>('SELECT sum(length(data)) AS b FROM updates WHERE room = ?'),
    upto: db.prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE room = ? ORDER BY id'),
    deleteUpto: db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND id <= ?'),
    insertAt: db.prepare<[number, string, Uint8Array]>('INSERT INTO updates (id, room, data) VALUES (?, ?, ?)'),
    compound: db.prepare<[string], { compound_id: string; name: string; created_at: number }>(
      'SELECT * FROM compounds WHERE compound_id = ?',
    ),
    insertCompound: db.prepare<[string, string, number]>(
      'INSERT INTO compounds (compound_id, name, created_at) VALUES (?, ?, ?)',
    ),
    insertMember: db.prepare<[string, string, string, string, string, string, number]>(
      'INSERT INTO members (member_id, compound_id, name, role, party, token_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    memberByHash: db.prepare<[string], MemberDbRow>('SELECT * FROM members WHERE token_hash = ?'),
    member: db.prepare<[string], MemberDbRow>('SELECT * FROM members WHERE member_id = ?'),
    revoke: db.prepare<[number, string]>(
      'UPDATE members SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL',
    ),
    insertInvite: db.prepare<[string, string, string, string, number, number, string]>(
      'INSERT INTO invites (code, compound_id, role, party, max_uses, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    invite: db.prepare<
      [string],
      {
        code: string;
        compound_id: string;
        role: InviteRow['role'];
        party: InviteRow['party'];
        max_uses: number;
        uses: number;
        expires_at: number;
        created_by: string;
      }
    >('SELECT * FROM invites WHERE code = ?'),
    useInvite: db.prepare<[string]>('UPDATE invites SET uses = uses + 1 WHERE code = ?'),
    putBlob: db.prepare<[string, string, string, Uint8Array]>(
      'INSERT OR IGNORE INTO blobs (compound_id, hash, type, bytes) VALUES (?, ?, ?, ?)',
    ),
    getBlob: db.prepare<[string, string], { type: string; bytes: Buffer }>(
      'SELECT type, bytes FROM blobs WHERE compound_id = ? AND hash = ?',
    ),
  };

  const compactTx = db.transaction((room: string, merge: (updates: Uint8Array[]) => Uint8Array) => {
    const rows = q.upto.all(room);
    if (rows.length <= 1) return { before: rows.length, after: rows.length };
    const last = rows[rows.length - 1]!.id;
    const merged = merge(rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)));
    q.deleteUpto.run(room, last);
    // The merged update takes the id of the newest row it replaces, so order with later rows is kept.
    q.insertAt.run(last, room, merged);
    return { before: rows.length, after: 1 };
  });

  // Appends of one event-loop turn share one transaction: one WAL commit for many updates.
  let batch: [string, Uint8Array][] = [];
  let pending: Promise<void> | null = null;
  const insertBatch = db.transaction((rows: [string, Uint8Array][]) => {
    for (const [room, update] of rows) q.append.run(room, update);
  });
  const flushNow = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    insertBatch(rows);
  };

  const docs: DocStore = {
    async load(room) {
      flushNow();
      return q.load.all(room).map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
    },
    append(room, update) {
      batch.push([room, update]);
      pending ??= new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          pending = null;
          try {
            flushNow();
            resolve();
          } catch (e) {
            reject(e);
          }
        });
      });
      return pending;
    },
    async count(room) {
      flushNow();
      return q.count.get(room)?.n ?? 0;
    },
    async compact(room, merge) {
      flushNow();
      return compactTx(room, merge);
    },
    async bytes(room) {
      flushNow();
      return q.bytes.get(room)?.b ?? 0;
    },
  };

  const createCompoundTx = db.transaction((c: CompoundRow, m: MemberRow, hash: string) => {
    q.insertCompound.run(c.compoundId, c.name, c.createdAt);
    q.insertMember.run(m.memberId, m.compoundId, m.name, m.role, m.party, hash, m.joinedAt);
  });

  const redeemTx = db.transaction((code: string, now: number): RedeemResult => {
    const r = q.invite.get(code);
    if (!r) return { ok: false, reason: 'not_found' };
    if (r.expires_at <= now) return { ok: false, reason: 'expired' };
    if (r.uses >= r.max_uses) return { ok: false, reason: 'used_up' };
    q.useInvite.run(code);
    return {
      ok: true,
      invite: {
        code: r.code,
        compoundId: r.compound_id,
        role: r.role,
        party: r.party,
        maxUses: r.max_uses,
        uses: r.uses + 1,
        expiresAt: r.expires_at,
        createdBy: r.created_by,
      },
    };
  });

  const accounts: AccountStore = {
    async createCompound(c, m, hash) {
      createCompoundTx(c, m, hash);
    },
    async getCompound(id) {
      const r = q.compound.get(id);
      return r && { compoundId: r.compound_id, name: r.name, createdAt: r.created_at };
    },
    async memberByTokenHash(hash) {
      const r = q.memberByHash.get(hash);
      return r && toMember(r);
    },
    async getMember(id) {
      const r = q.member.get(id);
      return r && toMember(r);
    },
    async addMember(m, hash) {
      q.insertMember.run(m.memberId, m.compoundId, m.name, m.role, m.party, hash, m.joinedAt);
    },
    async revokeMember(id, at) {
      return q.revoke.run(at, id).changes > 0;
    },
    async createInvite(i) {
      q.insertInvite.run(i.code, i.compoundId, i.role, i.party, i.maxUses, i.expiresAt, i.createdBy);
    },
    async redeemInvite(code, now) {
      return redeemTx(code, now);
    },
  };

  const blobs: BlobStore = {
    async putBlob(b: BlobRow) {
      q.putBlob.run(b.compoundId, b.hash, b.type, b.bytes);
    },
    async getBlob(compoundId, hash) {
      const r = q.getBlob.get(compoundId, hash);
      return r && { compoundId, hash, type: r.type, bytes: new Uint8Array(r.bytes) };
    },
  };

  return {
    docs,
    accounts,
    blobs,
    async close() {
      flushNow();
      db.close();
    },
  };
}
