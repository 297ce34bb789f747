import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvitePreview } from '../../shared/api/answers.ts';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('previewing an invite before joining', () => {
  const server = useTestServer();
  let admin: Session;
  const mint = async (body: Record<string, unknown>, token = admin.token) => {
    const r = await apiCall(server.url, 'POST', `/api/compounds/${admin.compoundId}/invites`, { body, token });
    expect(r.status).toBe(201);
    return r.json as { code: string; expiresAt: number };
  };
  const preview = (code: string) => apiCall(server.url, 'GET', `/api/invites/${encodeURIComponent(code)}`);
  const join = (code: string, name: string) => apiCall(server.url, 'POST', '/api/join', { body: { code, name } });

  beforeEach(async () => {
    admin = await createCompound(server.url, { name: '阳光花园', founderName: '王书记', party: 'community' });
  });

  it('names the compound, the role and the party, and nothing of the invite’s maker or uses', async () => {
    const { code, expiresAt } = await mint({ role: 'committee', party: 'owners', maxUses: 5 });
    const res = await fetch(`${server.url}/api/invites/${code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({ compoundName: '阳光花园', role: 'committee', party: 'owners', expiresAt });
    expect(v.is(InvitePreview, body)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(admin.memberId);
    expect(JSON.stringify(body)).not.toContain(admin.compoundId);
  });

  it('names a partner invite’s unit', async () => {
    const { code } = await mint({ role: 'partner', unit: '阳光物业服务中心' });
    const r = await preview(code);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      compoundName: '阳光花园',
      role: 'partner',
      party: 'none',
      unit: '阳光物业服务中心',
    });
  });

  it('counts no use: a one-use invite previewed twice still lets one person join, and only one', async () => {
    const { code } = await mint({ role: 'resident', maxUses: 1 });
    expect((await preview(code)).status).toBe(200);
    expect((await preview(code)).status).toBe(200);
    expect((await join(code, '3号楼李叔')).status).toBe(201);
    const second = await join(code, '3号楼李婶');
    expect([second.status, second.json.error.code]).toEqual([410, 'invite_used_up']);
    const after = await preview(code);
    expect([after.status, after.json.error.code]).toEqual([410, 'invite_used_up']);
  });

  it('refuses a revoked, expired or unknown invite, or one whose maker was removed, as joining does', async () => {
    const revoked = (await mint({ role: 'resident' })).code;
    expect(
      (
        await apiCall(server.url, 'DELETE', `/api/compounds/${admin.compoundId}/invites/${revoked}`, {
          token: admin.token,
        })
      ).status,
    ).toBe(204);
    const committee = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老陈');
    const orphan = (await mint({ role: 'resident' }, committee.token)).code;
    await apiCall(server.url, 'DELETE', `/api/compounds/${admin.compoundId}/members/${committee.memberId}`, {
      token: admin.token,
    });
    const now = Date.now();
    await server.storage.accounts.createInvite({
      code: 'expired-invite',
      compoundId: admin.compoundId,
      role: 'resident',
      party: 'none',
      maxUses: 1,
      uses: 0,
      expiresAt: now - 1,
      createdBy: admin.memberId,
    });

    const cases: [string, number, string][] = [
      [revoked, 410, 'invite_revoked'],
      [orphan, 410, 'invite_revoked'],
      ['expired-invite', 410, 'invite_expired'],
      ['no-such-invite', 404, 'invite_not_found'],
    ];
    for (const [code, status, error] of cases) {
      const seen = await preview(code);
      expect([code, seen.status, seen.json.error.code]).toEqual([code, status, error]);
      expect(seen.json).toEqual({ error: { code: error, message: expect.any(String) } });
      const joined = await join(code, '新邻居');
      expect([code, joined.status, joined.json.error.code]).toEqual([code, status, error]);
    }
  });

  it('answers a malformed code with 400 bad_request naming the code', async () => {
    const long = await preview('a'.repeat(65));
    expect(long.status).toBe(400);
    expect(long.json.error.code).toBe('bad_request');
    expect(long.json.error.message).toMatch(/^code: /);
    const control = await apiCall(server.url, 'GET', '/api/invites/abc%01def');
    expect([control.status, control.json.error.code]).toEqual([400, 'bad_request']);
  });
});

describe('previewing an invite under the per-address rate limit', () => {
  const limited = useTestServer({ API_BURST: '3', API_REQUESTS_PER_MINUTE: '1' });

  it('takes from the same allowance as joining: after the burst, previews and joins are 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await apiCall(limited.url, 'GET', '/api/invites/some-code')).status);
    expect(statuses).toEqual([404, 404, 404]);
    const preview = await apiCall(limited.url, 'GET', '/api/invites/some-code');
    expect([preview.status, preview.json.error.code]).toEqual([429, 'rate_limited']);
    const join = await apiCall(limited.url, 'POST', '/api/join', { body: { code: 'some-code', name: '李叔' } });
    expect([join.status, join.json.error.code]).toEqual([429, 'rate_limited']);
  });
});
