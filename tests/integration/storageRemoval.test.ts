import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import type { Storage } from '../../sync-server/storage/Storage.ts';
import { eventually } from '../helpers/eventually.ts';
import { postgresAvailable } from '../helpers/startPostgres.ts';
import { compoundOf, invitesOfEachKind } from '../helpers/storageCompound.ts';
import { useStorages } from '../helpers/useStorages.ts';

/** Removing a member in storage, on every implementation: one step, at the word of a current admin. */
const { implementations, newDatabase } = useStorages();

const standing = async (s: Storage, id: string) => {
  const m = await s.accounts.getMember(id);
  return m && `${m.role}${m.revokedAt === null ? '' : ' removed'}`;
};

for (const [name, open] of implementations) {
  describe(`${name} storage: removing a member`, () => {
    it('removes a member only at the word of a current admin of their compound', async () => {
      const s = await open();
      const now = Date.now();
      await compoundOf(s, 'c1', now, ['a', 'b'], ['d', 'e']);
      await compoundOf(s, 'c2', now, ['elsewhere']);
      expect(await s.accounts.setRole('b', 'committee', now, 'a')).toMatchObject({ ok: true });
      // b lost the role before its removal reached storage; nobody else's word counts either.
      expect(await s.accounts.removeMember('d', now, 'b')).toEqual({ ok: false, reason: 'not_admin' });
      expect(await s.accounts.removeMember('d', now, 'elsewhere')).toEqual({ ok: false, reason: 'not_found' });
      expect(await s.accounts.removeMember('d', now, 'nobody')).toEqual({ ok: false, reason: 'not_admin' });
      expect(await s.accounts.removeMember('nobody', now, 'a')).toEqual({ ok: false, reason: 'not_found' });
      expect(await s.accounts.removeMember('a', now, 'a')).toEqual({ ok: false, reason: 'self' });
      expect(await standing(s, 'd')).toBe('committee');
      expect(await s.accounts.removeMember('d', now, 'a')).toEqual({ ok: true, removed: true, steppedDown: false });
      expect(await s.accounts.removeMember('d', now, 'a')).toEqual({ ok: true, removed: false, steppedDown: false });
      expect([await standing(s, 'd'), await standing(s, 'e')]).toEqual(['committee removed', 'committee']);
      await s.close();
    });

    it('an admin removed is stepped down and revoked in one, their invites with them', async () => {
      const s = await open();
      const now = Date.now();
      await compoundOf(s, 'c1', now, ['a', 'b']);
      await invitesOfEachKind(s, 'c1', 'b', now);
      expect(await s.accounts.removeMember('b', now, 'a')).toEqual({ ok: true, removed: true, steppedDown: true });
      expect(await standing(s, 'b')).toBe('committee removed');
      expect(await s.accounts.listInvites('c1', now)).toEqual([]);
      expect(await s.accounts.revokeInvitesBy('b', now)).toBe(0);
      // a is the only admin left, and still one.
      expect(await s.accounts.setRole('a', 'committee', now, 'a')).toEqual({ ok: false, reason: 'last_admin' });
      await s.close();
    });

    it('an admin demoted between the request and the removal removes nobody, and the member keeps the admin role', async () => {
      const s = await open();
      const now = Date.now();
      await compoundOf(s, 'c1', now, ['a', 'b', 'c']);
      // a asks to remove b; c makes a a committee member first.
      expect(await s.accounts.setRole('a', 'committee', now, 'c')).toMatchObject({ ok: true, changed: true });
      expect(await s.accounts.removeMember('b', now, 'a')).toEqual({ ok: false, reason: 'not_admin' });
      expect(await standing(s, 'b')).toBe('admin');
      await s.close();
    });
  });
}

describe.skipIf(!postgresAvailable)('Postgres: a removal that waits on a row another admin holds', () => {
  it('an admin demoted while their removal of the other admin waits removes nobody: the compound keeps an admin', async () => {
    const url = await newDatabase();
    const s = await openPostgresStorage(url);
    const now = Date.now();
    await compoundOf(s, 'c1', now, ['a', 'b']);
    // Another instance's transaction holds b's row (as a role change of b would), so both calls below wait.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT 1 FROM members WHERE member_id = 'b' FOR UPDATE");
    // Asked outside the holder's transaction, which would see the activity as it was when it began.
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    const waiting = (n: number) =>
      eventually(async () => {
        const r = await watcher.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        expect(Number(r.rows[0]?.n)).toBe(n);
      });
    // b makes a a committee member, then a removes b: each read the other as an admin when it began.
    const demotion = s.accounts.setRole('a', 'committee', now, 'b');
    await waiting(1);
    const removal = s.accounts.removeMember('b', now, 'a');
    await waiting(2);
    await holder.query('COMMIT');
    expect(await demotion).toMatchObject({ ok: true, changed: true });
    expect(await removal).toEqual({ ok: false, reason: 'not_admin' });
    expect([await standing(s, 'a'), await standing(s, 'b')]).toEqual(['committee', 'admin']);
    await Promise.all([holder.end(), watcher.end()]);
    await s.close();
  });
});
