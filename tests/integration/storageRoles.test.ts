import { describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import type { Storage } from '../../sync-server/storage/Storage.ts';
import { ownersMember } from '../helpers/ownersMember.ts';
import { postgresAvailable } from '../helpers/startPostgres.ts';
import { compoundOf, invitesOfEachKind } from '../helpers/storageCompound.ts';
import { useStorages } from '../helpers/useStorages.ts';

/** The admin role in storage, on every implementation: who may give it, and that a compound keeps one. */
const { implementations, newDatabase } = useStorages();

const outcome = (r: Awaited<ReturnType<Storage['accounts']['setRole']>>) => (r.ok ? 'ok' : r.reason);

type Move = [target: string, actor: string];

/**
 * In ten compounds, x and y (admins, with `admins` more) each make one of the two a committee member
 * at the same moment, through storages `a` and `b`: `moves` gives [target, actor] of each. Returns
 * what the two calls answered, and checks one of x and y is still an admin.
 */
async function race(a: Storage, b: Storage, moves: (x: string, y: string) => [Move, Move], admins: string[]) {
  const now = Date.now();
  const answers: string[][] = [];
  for (let i = 0; i < 10; i++) {
    const [x, y] = [`x${i}`, `y${i}`];
    await compoundOf(a, `c${i}`, now, [x, y, ...admins.map((id) => `${id}${i}`)]);
    const [[t1, by1], [t2, by2]] = moves(x, y);
    const results = await Promise.all([
      a.accounts.setRole(t1, 'committee', now, by1),
      b.accounts.setRole(t2, 'committee', now, by2),
    ]);
    answers.push(results.map(outcome).sort());
    const roles = [(await a.accounts.getMember(x))?.role, (await a.accounts.getMember(y))?.role];
    expect(roles.sort()).toEqual(['admin', 'committee']);
  }
  return answers;
}

for (const [name, open] of implementations) {
  describe(`${name} storage: the admin role`, () => {
    it('hands the admin role over and back, never leaving the compound without an admin', async () => {
      const s = await open();
      const now = Date.now();
      const member = (memberId: string, role: 'admin' | 'committee') => ownersMember(memberId, role, now);
      await s.accounts.createCompound({ compoundId: 'c1', name: '小区', createdAt: now }, member('a', 'admin'), 'ha');
      await s.accounts.addMember(member('b', 'committee'), 'hb');
      await s.accounts.addMember({ ...member('r', 'committee'), role: 'resident', party: 'none' }, 'hr');
      const role = async (id: string) => (await s.accounts.getMember(id))?.role;

      // The only admin cannot step back; a resident cannot be made one; nobody unknown can.
      expect(await s.accounts.setRole('a', 'committee', now, 'a')).toEqual({ ok: false, reason: 'last_admin' });
      expect(await s.accounts.setRole('r', 'admin', now, 'a')).toEqual({ ok: false, reason: 'not_committee' });
      expect(await s.accounts.setRole('nobody', 'admin', now, 'a')).toEqual({ ok: false, reason: 'not_found' });
      expect(await role('a')).toBe('admin');

      const made = await s.accounts.setRole('b', 'admin', now, 'a');
      expect(made).toMatchObject({ ok: true, changed: true, member: { memberId: 'b', role: 'admin' } });
      expect(await role('b')).toBe('admin');
      expect(await s.accounts.setRole('b', 'admin', now, 'a')).toMatchObject({ ok: true, changed: false });

      // The first admin's invites: a committee invite into another party dies when they step back.
      await invitesOfEachKind(s, 'c1', 'a', now);
      expect(await s.accounts.setRole('a', 'committee', now, 'a')).toMatchObject({ ok: true, changed: true });
      expect(await role('a')).toBe('committee');
      const codes = (await s.accounts.listInvites('c1', now)).map((i) => i.code).sort();
      expect(codes).toEqual(['ownParty', 'residents']);
      expect(await s.accounts.redeemInvite('otherParty', now)).toEqual({ ok: false, reason: 'revoked' });

      // Now b is the only admin; a removed member cannot be given a role.
      expect(await s.accounts.setRole('b', 'committee', now, 'b')).toEqual({ ok: false, reason: 'last_admin' });
      await s.accounts.revokeMember('a', now);
      expect(await s.accounts.setRole('a', 'admin', now, 'b')).toEqual({ ok: false, reason: 'not_found' });
      await s.close();
    });

    it('an admin who lost the role, or was removed, gives and takes it no more', async () => {
      const s = await open();
      const now = Date.now();
      await compoundOf(s, 'c1', now, ['a', 'b', 'c'], ['d']);
      await compoundOf(s, 'c2', now, ['elsewhere']);
      const role = async (id: string) => (await s.accounts.getMember(id))?.role;

      expect(outcome(await s.accounts.setRole('b', 'committee', now, 'a'))).toBe('ok');
      // b's request began while b was an admin: storage reads b's role again, and refuses.
      expect(await s.accounts.setRole('a', 'committee', now, 'b')).toEqual({ ok: false, reason: 'not_admin' });
      expect(await s.accounts.setRole('d', 'admin', now, 'b')).toEqual({ ok: false, reason: 'not_admin' });
      expect([await role('a'), await role('d')]).toEqual(['admin', 'committee']);

      await s.accounts.revokeMember('c', now);
      expect(await s.accounts.setRole('d', 'admin', now, 'c')).toEqual({ ok: false, reason: 'not_admin' });
      expect(await s.accounts.setRole('d', 'admin', now, 'nobody')).toEqual({ ok: false, reason: 'not_admin' });
      // Another compound's admin finds no such member here.
      expect(await s.accounts.setRole('d', 'admin', now, 'elsewhere')).toEqual({ ok: false, reason: 'not_found' });
      expect(await role('d')).toBe('committee');
      await s.close();
    });

    it('two admins taking the role from each other at the same moment: one of them acts, the other is refused', async () => {
      const s = await open();
      // A third admin keeps the last-admin guard out of it: only the actors' own roles decide. On
      // Postgres the two run on two connections of the pool, as on two instances.
      const answers = await race(
        s,
        s,
        (x, y) => [
          [y, x],
          [x, y],
        ],
        ['z'],
      );
      expect(new Set(answers.map((a) => a.join()))).toEqual(new Set(['not_admin,ok']));
      await s.close();
    });
  });
}

describe.skipIf(!postgresAvailable)('two admins on two instances', () => {
  it('step back at the same moment: one of them stays an admin', async () => {
    const url = await newDatabase();
    const [a, b] = [await openPostgresStorage(url), await openPostgresStorage(url)];
    const answers = await race(
      a,
      b,
      (x, y) => [
        [x, x],
        [y, y],
      ],
      [],
    );
    expect(new Set(answers.map((a) => a.join()))).toEqual(new Set(['last_admin,ok']));
    await Promise.all([a.close(), b.close()]);
  });
});
