import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { tempDir } from '../helpers/startServer.ts';

// The account tables as they shipped before invites could be revoked.
const olderSchema = `
CREATE TABLE compounds (compound_id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE members (
  member_id TEXT PRIMARY KEY, compound_id TEXT NOT NULL REFERENCES compounds (compound_id), name TEXT NOT NULL,
  role TEXT NOT NULL, party TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, joined_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE invites (
  code TEXT PRIMARY KEY, compound_id TEXT NOT NULL REFERENCES compounds (compound_id), role TEXT NOT NULL,
  party TEXT NOT NULL, max_uses INTEGER NOT NULL, uses INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);
`;

describe('a data directory from before invites could be revoked', () => {
  it('opens, keeps its invites working except cross-party ones a committee member made, and revokes them from then on', async () => {
    const dir = tempDir();
    const now = Date.now();
    const old = new Database(join(dir, 'little-stool.sqlite'));
    old.exec(olderSchema);
    old.prepare("INSERT INTO compounds VALUES ('c1', '小区', ?)").run(now);
    old.prepare("INSERT INTO members VALUES ('a', 'c1', '甲', 'admin', 'owners', 'ha', ?, NULL)").run(now);
    old.prepare("INSERT INTO members VALUES ('b', 'c1', '乙', 'committee', 'owners', 'hb', ?, ?)").run(now, now);
    old.prepare("INSERT INTO invites VALUES ('ok', 'c1', 'resident', 'none', 3, 0, ?, 'a')").run(now + 1000);
    old.prepare("INSERT INTO invites VALUES ('fromB', 'c1', 'committee', 'owners', 1000, 0, ?, 'b')").run(now + 1000);
    old.prepare("INSERT INTO members VALUES ('c', 'c1', '丙', 'committee', 'owners', 'hc', ?, NULL)").run(now);
    // Minted before the party rule: an owners' member's invite for the property party.
    old.prepare("INSERT INTO invites VALUES ('cross', 'c1', 'committee', 'property', 9, 0, ?, 'c')").run(now + 1000);
    old.prepare("INSERT INTO invites VALUES ('own', 'c1', 'committee', 'owners', 9, 0, ?, 'c')").run(now + 1000);
    old.prepare("INSERT INTO invites VALUES ('admins', 'c1', 'committee', 'property', 9, 0, ?, 'a')").run(now + 2000);
    old.close();

    for (let opening = 0; opening < 2; opening++) {
      const s = openSqliteStorage(dir);
      const live = (await s.accounts.listInvites('c1', now)).map((i) => i.code);
      expect(live).toEqual(opening === 0 ? ['ok', 'own', 'admins'] : ['own', 'admins']);
      expect(await s.accounts.redeemInvite('cross', now)).toEqual({ ok: false, reason: 'revoked' });
      if (opening === 0) {
        expect(await s.accounts.redeemInvite('ok', now)).toMatchObject({
          ok: true,
          invite: { uses: 1, revokedAt: null },
        });
        // A member removed before this change: the invite they made had never been marked.
        expect(await s.accounts.redeemInvite('fromB', now)).toEqual({ ok: false, reason: 'revoked' });
        expect(await s.accounts.revokeInvite('c1', 'ok', now)).toBe(true);
      }
      expect(await s.accounts.redeemInvite('ok', now)).toEqual({ ok: false, reason: 'revoked' });
      await s.close();
    }
  });
});
