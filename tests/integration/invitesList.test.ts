import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { InviteList } from '../../shared/api/answers.ts';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// Regression: invites could be neither listed nor withdrawn; a leaked link stayed good until it expired.
describe('admins list and revoke invites', () => {
  const server = useTestServer();
  let admin: Session;
  let committee: Session;
  const path = () => `/api/compounds/${admin.compoundId}/invites`;
  const mint = async (who: Session, body: unknown) =>
    (await apiCall(server.url, 'POST', `/api/compounds/${who.compoundId}/invites`, { body, token: who.token })).json
      .code as string;

  beforeEach(async () => {
    admin = await createCompound(server.url, { party: 'community' });
    committee = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老陈');
  });

  it('the list shows each live invite’s role, party, uses, expiry and maker', async () => {
    const mine = await mint(admin, { role: 'committee', party: 'property', maxUses: 5, ttlHours: 24 });
    const theirs = await mint(committee, { role: 'resident', maxUses: 50 });
    await apiCall(server.url, 'POST', '/api/join', { body: { code: theirs, name: '居民' } });
    const r = await apiCall(server.url, 'GET', path(), { token: admin.token });
    expect(r.status).toBe(200);
    expect(v.is(InviteList, r.json)).toBe(true);
    // The invite admin created to add the committee member is used up, so it is not listed.
    expect(r.json.invites).toHaveLength(2);
    expect(r.json.invites).toContainEqual(
      expect.objectContaining({
        code: mine,
        role: 'committee',
        party: 'property',
        maxUses: 5,
        uses: 0,
        createdBy: admin.memberId,
      }),
    );
    expect(r.json.invites).toContainEqual(
      expect.objectContaining({
        code: theirs,
        role: 'resident',
        party: 'none',
        maxUses: 50,
        uses: 1,
        createdBy: committee.memberId,
      }),
    );
    const found = r.json.invites.find((i: { code: string }) => i.code === mine);
    expect(found.expiresAt).toBeGreaterThan(Date.now());
  });

  it('a revoked invite leaves the list and is refused with 410 invite_revoked', async () => {
    const code = await mint(committee, { role: 'resident', maxUses: 100 });
    const del = await apiCall(server.url, 'DELETE', `${path()}/${code}`, { token: admin.token });
    expect(del.status).toBe(204);
    const join = await apiCall(server.url, 'POST', '/api/join', { body: { code, name: '拿到链接的人' } });
    expect(join.status).toBe(410);
    expect(join.json.error.code).toBe('invite_revoked');
    const list = await apiCall(server.url, 'GET', path(), { token: admin.token });
    expect(list.json.invites.map((i: { code: string }) => i.code)).not.toContain(code);
  });

  it('expired and used-up invites are not listed', async () => {
    const soon = await mint(admin, { role: 'resident', ttlHours: 1 });
    const once = await mint(admin, { role: 'resident', maxUses: 1 });
    await apiCall(server.url, 'POST', '/api/join', { body: { code: once, name: '居民' } });
    const live = await mint(admin, { role: 'resident', ttlHours: 48 });
    server.services.now = () => Date.now() + 2 * 3600_000;
    const codes = (await apiCall(server.url, 'GET', path(), { token: admin.token })).json.invites.map(
      (i: { code: string }) => i.code,
    );
    expect(codes).toEqual([live]);
    expect(codes).not.toContain(soon);
  });

  it('only admins of the compound list or revoke invites', async () => {
    const code = await mint(admin, { role: 'resident' });
    const other = await createCompound(server.url, { name: '别的小区' });
    for (const who of [committee, other]) {
      expect((await apiCall(server.url, 'GET', path(), { token: who.token })).status).toBe(403);
      expect((await apiCall(server.url, 'DELETE', `${path()}/${code}`, { token: who.token })).status).toBe(403);
    }
    expect((await apiCall(server.url, 'GET', path())).status).toBe(401);
    const join = await apiCall(server.url, 'POST', '/api/join', { body: { code, name: '居民' } });
    expect(join.status).toBe(201);
  });

  it('revoking an unknown code, or another compound’s, is 404', async () => {
    const other = await createCompound(server.url, { name: '别的小区' });
    const theirs = await mint(other, { role: 'resident' });
    expect((await apiCall(server.url, 'DELETE', `${path()}/nope`, { token: admin.token })).status).toBe(404);
    expect((await apiCall(server.url, 'DELETE', `${path()}/${theirs}`, { token: admin.token })).status).toBe(404);
    expect((await apiCall(server.url, 'POST', '/api/join', { body: { code: theirs, name: '居民' } })).status).toBe(201);
  });
});
