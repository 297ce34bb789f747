import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../shared/api/ApiError.ts';
import { CompoundInfo, Credentials, Invite, Me } from '../../shared/api/answers.ts';
import { StoredImage } from '../../shared/api/images.ts';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('the JSON API (docs/PROTOCOL.md)', () => {
  const server = useTestServer();
  let admin: Session;
  const call = async (method: string, path: string, body?: unknown, token?: string, raw?: BodyInit) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  beforeEach(async () => {
    admin = await createCompound(server.url);
  });

  it('healthz answers ok', async () => {
    expect(await call('GET', '/healthz')).toEqual({ status: 200, json: { ok: true } });
  });

  it('creating a compound returns an admin of the founder’s party with a long random token', async () => {
    const r = await call('POST', '/api/compounds', { name: '幸福里', founderName: '张桂兰', party: 'community' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ role: 'admin', party: 'community' });
    expect(r.json.token.length).toBeGreaterThanOrEqual(22);
    expect(r.json.compoundId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('bad bodies get 400 with a code and a message naming the field', async () => {
    const r = await call('POST', '/api/compounds', { name: '幸福里', founderName: '张桂兰', party: 'mafia' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('bad_request');
    expect(r.json.error.message).toMatch(/party/);
    expect((await call('POST', '/api/compounds', undefined, undefined, 'not json')).status).toBe(400);
    expect((await call('POST', '/api/compounds', { name: ' ', founderName: 'a', party: 'owners' })).status).toBe(400);
    // Names and codes are kept as text, where Postgres refuses NUL: a clear 400 on every storage.
    const nul = await call('POST', '/api/compounds', { name: '幸福\u0000里', founderName: 'a', party: 'owners' });
    expect(nul.status).toBe(400);
    expect(nul.json.error.message).toMatch(/name/);
    expect((await call('POST', '/api/join', { code: 'ab\u0000', name: '李' })).status).toBe(400);
    // A name that breaks onto a new line, reads in another order, or shows nothing at all.
    for (const name of ['王\u2028阿姨', '王\u202e姨阿', '\u200b', '\u200b \ufeff']) {
      const odd = await call('POST', '/api/compounds', { name: '幸福里', founderName: name, party: 'owners' });
      expect(odd.status, JSON.stringify(name)).toBe(400);
      expect(odd.json.error.message).toMatch(/founderName/);
    }
    expect(
      (await call('POST', '/api/compounds', { name: '幸福里', founderName: '王阿姨', party: 'owners' })).status,
    ).toBe(201);
    // In a path too: a 400 on every storage (Postgres would fail the look-up).
    const inPath = await call('DELETE', `/api/compounds/${admin.compoundId}/invites/ab%00cd`, undefined, admin.token);
    expect(inPath.status).toBe(400);
    expect(inPath.json.error.code).toBe('bad_request');
  });

  it('an oversize body gets 413', async () => {
    const r = await call('POST', '/api/compounds', { name: 'x'.repeat(100_000), founderName: 'a', party: 'owners' });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('too_large');
  });

  it('me needs a token and answers who you are', async () => {
    expect((await call('GET', '/api/me')).status).toBe(401);
    const r = await call('GET', '/api/me', undefined, admin.token);
    expect(r.json).toEqual({
      memberId: admin.memberId,
      compoundId: admin.compoundId,
      name: '王秀英',
      role: 'admin',
      party: 'owners',
    });
  });

  it('an invite joins with its role and party, and used-up or expired invites say so', async () => {
    const inv = await call(
      'POST',
      `/api/compounds/${admin.compoundId}/invites`,
      { role: 'committee', party: 'property', maxUses: 1 },
      admin.token,
    );
    expect(inv.status).toBe(201);
    expect(inv.json.url).toContain(`/join/${inv.json.code}`);
    expect(inv.json.expiresAt).toBeGreaterThan(Date.now());
    const joined = await call('POST', '/api/join', { code: inv.json.code, name: '物业李经理' });
    expect(joined.status).toBe(201);
    expect(joined.json).toMatchObject({ compoundId: admin.compoundId, role: 'committee', party: 'property' });
    const again = await call('POST', '/api/join', { code: inv.json.code, name: '第二个人' });
    expect(again.status).toBe(410);
    expect(again.json.error.code).toBe('invite_used_up');
    expect((await call('POST', '/api/join', { code: 'nope', name: 'x' })).json.error.code).toBe('invite_not_found');
  });

  it('an expired invite is refused with 410', async () => {
    const inv = await call(
      'POST',
      `/api/compounds/${admin.compoundId}/invites`,
      { role: 'resident', ttlHours: 1 },
      admin.token,
    );
    server.services.now = () => Date.now() + 2 * 3600_000;
    const r = await call('POST', '/api/join', { code: inv.json.code, name: '迟到的人' });
    expect(r.status).toBe(410);
    expect(r.json.error.code).toBe('invite_expired');
  });

  it('a committee invite without a party is a 400; residents cannot invite; strangers get 403', async () => {
    expect(
      (await call('POST', `/api/compounds/${admin.compoundId}/invites`, { role: 'committee' }, admin.token)).status,
    ).toBe(400);
    const resident = await addMember(server.url, admin, { role: 'resident' });
    expect(
      (await call('POST', `/api/compounds/${admin.compoundId}/invites`, { role: 'resident' }, resident.token)).status,
    ).toBe(403);
    const other = await createCompound(server.url, { name: '别的小区' });
    expect(
      (await call('POST', `/api/compounds/${admin.compoundId}/invites`, { role: 'resident' }, other.token)).status,
    ).toBe(403);
  });

  it('only an admin removes members, and not themselves', async () => {
    const resident = await addMember(server.url, admin, { role: 'resident' });
    const committee = await addMember(server.url, admin, { role: 'committee', party: 'owners' });
    const path = (id: string) => `/api/compounds/${admin.compoundId}/members/${id}`;
    expect((await call('DELETE', path(resident.memberId), undefined, committee.token)).status).toBe(403);
    expect((await call('DELETE', path(admin.memberId), undefined, admin.token)).status).toBe(409);
    expect((await call('DELETE', path('nobody'), undefined, admin.token)).status).toBe(404);
    expect((await call('DELETE', path(resident.memberId), undefined, admin.token)).status).toBe(204);
  });

  it('every answer matches the shared schema the client checks it with', async () => {
    const created = await call('POST', '/api/compounds', { name: '幸福里', founderName: '张桂兰', party: 'community' });
    expect(v.is(Credentials, created.json)).toBe(true);
    const path = `/api/compounds/${admin.compoundId}`;
    expect(v.is(CompoundInfo, (await call('GET', path, undefined, admin.token)).json)).toBe(true);
    const inv = await call('POST', `${path}/invites`, { role: 'resident' }, admin.token);
    expect(v.is(Invite, inv.json)).toBe(true);
    expect(v.is(Credentials, (await call('POST', '/api/join', { code: inv.json.code, name: '居民' })).json)).toBe(true);
    expect(v.is(Me, (await call('GET', '/api/me', undefined, admin.token)).json)).toBe(true);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const hash = createHash('sha256').update(png).digest('hex');
    expect(v.is(StoredImage, (await call('PUT', `${path}/images/${hash}`, undefined, admin.token, png)).json)).toBe(
      true,
    );
    expect(v.is(ErrorBody, (await call('GET', '/api/me')).json)).toBe(true);
  });

  it('an unknown API route is a JSON 404', async () => {
    const r = await call('GET', '/api/nothing');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('not_found');
  });

  it('images are content-addressed, type-checked by magic bytes and readable only by members', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    const hash = createHash('sha256').update(jpeg).digest('hex');
    const path = `/api/compounds/${admin.compoundId}/images/${hash}`;
    expect((await call('PUT', path, undefined, admin.token, jpeg)).status).toBe(201);
    expect((await call('PUT', path, undefined, admin.token, jpeg)).status).toBe(200);
    const text = new TextEncoder().encode('<svg></svg>');
    const textHash = createHash('sha256').update(text).digest('hex');
    expect(
      (await call('PUT', `/api/compounds/${admin.compoundId}/images/${textHash}`, undefined, admin.token, text)).status,
    ).toBe(415);
    expect((await call('PUT', path.replace(hash, 'a'.repeat(64)), undefined, admin.token, jpeg)).status).toBe(400);
    const got = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(jpeg);
    const other = await createCompound(server.url, { name: '别的小区' });
    expect((await call('GET', path, undefined, other.token)).status).toBe(403);
    // A hash that cannot be one is a bad request, not a missing image.
    const bad = await call('GET', path.replace(hash, 'not-a-hash'), undefined, admin.token);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^hash:/);
    expect((await call('GET', path.replace(hash, 'b'.repeat(64)), undefined, admin.token)).status).toBe(404);
  });
});

describe('API rate limits', () => {
  const limited = useTestServer({ API_BURST: '5', API_REQUESTS_PER_MINUTE: '1' });
  const open = useTestServer({ API_BURST: '5', API_REQUESTS_PER_MINUTE: '1', RATE_LIMITS: 'off' });

  it('limit requests per address with 429, and RATE_LIMITS=off lifts only that', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${limited.url}/api/me`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    for (let i = 0; i < 8; i++) expect((await fetch(`${open.url}/api/me`)).status).toBe(401);
  });
});
