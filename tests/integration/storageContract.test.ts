import { describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import { ownersMember } from '../helpers/ownersMember.ts';
import { postgresAvailable } from '../helpers/startPostgres.ts';
import { eventUpdates as updates, useStorages } from '../helpers/useStorages.ts';

/** One suite for every storage implementation; compaction (storageCompaction.test.ts) and roles (storageRoles.test.ts) have their own. */
const { implementations, newDatabase } = useStorages();

for (const [name, open] of implementations) {
  describe(`${name} storage`, () => {
    it('keeps each room’s updates apart and in order', async () => {
      const s = await open();
      const [a, b, c] = updates(3);
      await s.docs.append('x/public', a!);
      await s.docs.append('y/public', b!);
      await s.docs.append('x/public', c!);
      expect(await s.docs.load('x/public')).toEqual([a, c]);
      expect(await s.docs.load('y/public')).toEqual([b]);
      expect(await s.docs.load('z/public')).toEqual([]);
      await s.close();
    });

    it('reads a room back in batches of at most the size asked, the same rows in the same order', async () => {
      const s = await open();
      const all = updates(12);
      for (const [i, u] of all.entries()) await s.docs.append(i % 3 === 0 ? 'other' : 'r', u);
      const batches: Uint8Array[][] = [];
      for await (const batch of s.docs.loadBatches('r', 3)) batches.push(batch);
      expect(batches.map((b) => b.length)).toEqual([3, 3, 2]);
      expect(batches.flat()).toEqual(await s.docs.load('r'));
      expect(batches.flat()).toEqual(all.filter((_, i) => i % 3 !== 0));
      const none: Uint8Array[][] = [];
      for await (const batch of s.docs.loadBatches('empty', 3)) none.push(batch);
      expect(none).toEqual([]);
      await s.close();
    });

    it('redeems an invite exactly as often as it allows, and not after it expires', async () => {
      const s = await open();
      const now = Date.now();
      await s.accounts.createCompound(
        { compoundId: 'c1', name: '小区', createdAt: now },
        {
          memberId: 'm1',
          compoundId: 'c1',
          name: '甲',
          role: 'admin',
          party: 'owners',
          joinedAt: now,
          revokedAt: null,
        },
        'hash1',
      );
      await s.accounts.createInvite({
        code: 'inv',
        compoundId: 'c1',
        role: 'resident',
        party: 'none',
        maxUses: 2,
        uses: 0,
        expiresAt: now + 1000,
        createdBy: 'm1',
      });
      expect((await s.accounts.redeemInvite('inv', now)).ok).toBe(true);
      expect(await s.accounts.redeemInvite('inv', now + 2000)).toEqual({ ok: false, reason: 'expired' });
      expect((await s.accounts.redeemInvite('inv', now)).ok).toBe(true);
      expect(await s.accounts.redeemInvite('inv', now)).toEqual({ ok: false, reason: 'used_up' });
      expect(await s.accounts.redeemInvite('none', now)).toEqual({ ok: false, reason: 'not_found' });
      expect((await s.accounts.memberByTokenHash('hash1'))?.memberId).toBe('m1');
      expect(await s.accounts.revokeMember('m1', now)).toBe(true);
      expect((await s.accounts.memberByTokenHash('hash1'))?.revokedAt).toBe(now);
      await s.close();
    });

    it('lists the invites it would redeem and refuses revoked ones, or ones whose maker was removed', async () => {
      const s = await open();
      const now = Date.now();
      const member = (memberId: string, role: 'admin' | 'committee') => ownersMember(memberId, role, now);
      await s.accounts.createCompound({ compoundId: 'c1', name: '小区', createdAt: now }, member('a', 'admin'), 'ha');
      await s.accounts.addMember(member('b', 'committee'), 'hb');
      const invite = (code: string, createdBy: string, extra: { expiresAt?: number; maxUses?: number } = {}) =>
        s.accounts.createInvite({
          code,
          compoundId: 'c1',
          role: 'resident',
          party: 'none',
          maxUses: 5,
          uses: 0,
          expiresAt: now + 1000,
          createdBy,
          ...extra,
        });
      await invite('late', 'a', { expiresAt: now + 5000 });
      await invite('soon', 'a');
      await invite('gone', 'a', { expiresAt: now });
      await invite('once', 'a', { maxUses: 1 });
      await invite('byB', 'b');
      expect((await s.accounts.redeemInvite('once', now)).ok).toBe(true);
      const codes = async () => (await s.accounts.listInvites('c1', now)).map((i) => i.code);
      expect(await codes()).toEqual(['byB', 'soon', 'late']);
      expect((await s.accounts.listInvites('c1', now))[0]).toEqual({
        code: 'byB',
        compoundId: 'c1',
        role: 'resident',
        party: 'none',
        maxUses: 5,
        uses: 0,
        expiresAt: now + 1000,
        createdBy: 'b',
        revokedAt: null,
      });
      expect(await s.accounts.listInvites('c2', now)).toEqual([]);

      expect(await s.accounts.revokeInvite('c2', 'soon', now)).toBe(false);
      expect(await s.accounts.revokeInvite('c1', 'nope', now)).toBe(false);
      expect(await s.accounts.revokeInvite('c1', 'soon', now)).toBe(true);
      expect(await s.accounts.revokeInvite('c1', 'soon', now + 1)).toBe(true);
      expect(await s.accounts.redeemInvite('soon', now)).toEqual({ ok: false, reason: 'revoked' });
      expect(await codes()).toEqual(['byB', 'late']);

      // A removed maker's invites stop working even before they are marked revoked.
      await s.accounts.revokeMember('b', now);
      expect(await s.accounts.redeemInvite('byB', now)).toEqual({ ok: false, reason: 'revoked' });
      expect(await codes()).toEqual(['late']);
      expect(await s.accounts.revokeInvitesBy('b', now)).toBe(1);
      expect(await s.accounts.revokeInvitesBy('b', now)).toBe(0);
      expect(await s.accounts.revokeInvitesBy('a', now)).toBe(3);
      expect(await s.accounts.redeemInvite('late', now)).toEqual({ ok: false, reason: 'revoked' });
      expect(await codes()).toEqual([]);
      await s.close();
    });

    it('previews an invite with its compound’s name, counting no use, and refuses as redeeming would', async () => {
      const s = await open();
      const now = Date.now();
      const member = (memberId: string, role: 'admin' | 'committee') => ownersMember(memberId, role, now);
      await s.accounts.createCompound(
        { compoundId: 'c1', name: '阳光花园', createdAt: now },
        member('a', 'admin'),
        'ha',
      );
      await s.accounts.addMember(member('b', 'committee'), 'hb');
      const invite = (code: string, extra: Partial<Parameters<typeof s.accounts.createInvite>[0]> = {}) =>
        s.accounts.createInvite({
          code,
          compoundId: 'c1',
          role: 'committee',
          party: 'owners',
          maxUses: 1,
          uses: 0,
          expiresAt: now + 1000,
          createdBy: 'a',
          ...extra,
        });
      await invite('once');
      await invite('unit', { role: 'partner', party: 'none', unit: '阳光物业公司', maxUses: 3 });
      await invite('byB', { createdBy: 'b' });
      await invite('gone');

      const once = {
        ok: true,
        compoundName: '阳光花园',
        invite: {
          code: 'once',
          compoundId: 'c1',
          role: 'committee',
          party: 'owners',
          maxUses: 1,
          uses: 0,
          expiresAt: now + 1000,
          createdBy: 'a',
          revokedAt: null,
        },
      };
      // Previewed twice, a one-use invite still lets one person join, and only one.
      expect(await s.accounts.previewInvite('once', now)).toEqual(once);
      expect(await s.accounts.previewInvite('once', now)).toEqual(once);
      expect(await s.accounts.redeemInvite('once', now)).toMatchObject({ ok: true, invite: { uses: 1 } });
      expect(await s.accounts.redeemInvite('once', now)).toEqual({ ok: false, reason: 'used_up' });
      expect(await s.accounts.previewInvite('once', now)).toEqual({ ok: false, reason: 'used_up' });

      expect(await s.accounts.previewInvite('unit', now)).toMatchObject({
        ok: true,
        compoundName: '阳光花园',
        invite: { role: 'partner', party: 'none', unit: '阳光物业公司', uses: 0 },
      });
      expect(await s.accounts.previewInvite('unit', now + 1000)).toEqual({ ok: false, reason: 'expired' });
      expect(await s.accounts.previewInvite('nope', now)).toEqual({ ok: false, reason: 'not_found' });

      expect(await s.accounts.revokeInvite('c1', 'gone', now)).toBe(true);
      expect(await s.accounts.previewInvite('gone', now)).toEqual({ ok: false, reason: 'revoked' });
      // A removed maker's invite is refused as revoked before it is marked so, as redeeming does.
      expect((await s.accounts.previewInvite('byB', now)).ok).toBe(true);
      await s.accounts.revokeMember('b', now);
      expect(await s.accounts.previewInvite('byB', now)).toEqual({ ok: false, reason: 'revoked' });
      expect(await s.accounts.redeemInvite('byB', now)).toEqual({ ok: false, reason: 'revoked' });
      await s.close();
    });

    it('keeps an image once, and lets a compound’s uploads past its quota check one at a time', async () => {
      const s = await open();
      const image = (i: number) => ({
        compoundId: 'c1',
        hash: `${i}`.padStart(64, '0'),
        type: 'image/png',
        bytes: new Uint8Array(100 + i),
      });
      await s.blobs.putBlob(image(0));
      await s.blobs.putBlob(image(0));
      expect(await s.blobs.usage('c1')).toEqual({ count: 1, bytes: 100 });
      // Twelve uploads at once against a quota of three images: each sees what the ones before stored.
      const seen: number[] = [];
      const atMostThree = (used: { count: number }) => {
        seen.push(used.count);
        if (used.count >= 3) throw new Error('over quota');
      };
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => s.blobs.putBlob(image(i + 1), atMostThree)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect((await s.blobs.usage('c1')).count).toBe(3);
      expect(seen.sort((a, b) => a - b)).toEqual([1, 2, ...Array(10).fill(3)]);
      expect(await s.blobs.usage('c2')).toEqual({ count: 0, bytes: 0 });
      await s.close();
    });
  });
}

describe.skipIf(!postgresAvailable)('postgres shared by two relay instances', () => {
  it('counts the last use of an invite once when both redeem it at the same moment', async () => {
    const url = await newDatabase();
    const [a, b] = [await openPostgresStorage(url), await openPostgresStorage(url)];
    const now = Date.now();
    await a.accounts.createCompound(
      { compoundId: 'c1', name: '小区', createdAt: now },
      { memberId: 'm1', compoundId: 'c1', name: '甲', role: 'admin', party: 'owners', joinedAt: now, revokedAt: null },
      'h1',
    );
    for (let i = 0; i < 20; i++) {
      await a.accounts.createInvite({
        code: `once${i}`,
        compoundId: 'c1',
        role: 'resident',
        party: 'none',
        maxUses: 1,
        uses: 0,
        expiresAt: now + 60_000,
        createdBy: 'm1',
      });
      const results = await Promise.all([a, b].map((s) => s.accounts.redeemInvite(`once${i}`, now)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps every update both instances append to one room, each instance’s in its own order', async () => {
    const url = await newDatabase();
    const [a, b] = [await openPostgresStorage(url), await openPostgresStorage(url)];
    const [ua, ub] = [updates(30), updates(30)];
    await Promise.all([
      (async () => {
        for (const u of ua) await a.docs.append('r', u);
      })(),
      (async () => {
        for (const u of ub) await b.docs.append('r', u);
      })(),
    ]);
    const loaded = await a.docs.load('r');
    expect(loaded).toHaveLength(60);
    const index = (u: Uint8Array) => loaded.findIndex((l) => Buffer.from(l).equals(Buffer.from(u)));
    const order = (us: Uint8Array[]) => us.map(index);
    expect(order(ua)).toEqual([...order(ua)].sort((x, y) => x - y));
    expect(order(ub)).toEqual([...order(ub)].sort((x, y) => x - y));
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps event ids unique per room: of two instances storing one id at once, one wins', async () => {
    const url = await newDatabase();
    const [a, b] = [await openPostgresStorage(url), await openPostgresStorage(url)];
    const [u1, u2, u3, u4] = updates(4);
    expect(await a.docs.append('r', u1!, ['e1', 'e2'])).toBeUndefined();
    // Another room may use the same id; a repeated id, even beside a new one, is refused and not stored.
    expect(await b.docs.append('other', u2!, ['e1'])).toBeUndefined();
    expect(await b.docs.append('r', u2!, ['e3', 'e2'])).toEqual({ duplicate: 'e2' });
    // The refused update's other id is free again.
    expect(await b.docs.append('r', u3!, ['e3'])).toBeUndefined();
    expect(await a.docs.load('r')).toEqual([u1, u3]);
    for (let i = 0; i < 10; i++) {
      const answers = await Promise.all([a.docs.append('r', u4!, [`race${i}`]), b.docs.append('r', u4!, [`race${i}`])]);
      expect(answers.filter((x) => x === undefined)).toHaveLength(1);
    }
    // Two updates of one batch with one id: the first is stored.
    const [first, second] = await Promise.all([a.docs.append('s', u1!, ['x']), a.docs.append('s', u2!, ['x'])]);
    expect([first, second]).toEqual([undefined, { duplicate: 'x' }]);
    expect(await a.docs.load('s')).toEqual([u1]);
    await Promise.all([a.close(), b.close()]);
  });
});
