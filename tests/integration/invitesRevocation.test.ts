import { beforeEach, describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// Regression: a removed member rejoined with a 1,000-use invite they had minted before removal.
describe('an invite dies with its inviter', () => {
  const server = useTestServer();
  let admin: Session;
  let inviter: Session;
  let code: string;
  const join = (name: string) => apiCall(server.url, 'POST', '/api/join', { body: { code, name } });

  beforeEach(async () => {
    admin = await createCompound(server.url);
    inviter = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老陈');
    const r = await apiCall(server.url, 'POST', `/api/compounds/${admin.compoundId}/invites`, {
      body: { role: 'committee', party: 'owners', maxUses: 1000 },
      token: inviter.token,
    });
    expect(r.status).toBe(201);
    code = r.json.code;
  });

  it('after the admin removes the inviter, their invite is refused with 410 invite_revoked', async () => {
    expect((await join('先来的人')).status).toBe(201);
    const removed = await apiCall(
      server.url,
      'DELETE',
      `/api/compounds/${admin.compoundId}/members/${inviter.memberId}`,
      { token: admin.token },
    );
    expect(removed.status).toBe(204);
    const r = await join('老陈的新身份');
    expect(r.status).toBe(410);
    expect(r.json.error.code).toBe('invite_revoked');
  });

  it('an invite whose inviter was removed before invites were revoked on removal is refused too', async () => {
    // A data directory from before: the member is marked removed, their invite row untouched.
    await server.storage.accounts.revokeMember(inviter.memberId, Date.now());
    const r = await join('老陈的新身份');
    expect(r.status).toBe(410);
    expect(r.json.error.code).toBe('invite_revoked');
  });

  it('removing someone else leaves the inviter’s invites working', async () => {
    const other = await addMember(server.url, admin, { role: 'resident' }, '居民');
    await apiCall(server.url, 'DELETE', `/api/compounds/${admin.compoundId}/members/${other.memberId}`, {
      token: admin.token,
    });
    expect((await join('新来的业委')).status).toBe(201);
  });
});
