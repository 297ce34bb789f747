import { beforeEach, describe, expect, it } from 'vitest';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// Regression: an owners' committee member minted a property invite, joined a second identity
// with it and could then approve expenses for two of the three parties.
describe('who may mint a committee invite for which party', () => {
  const server = useTestServer();
  let admin: Session;
  let owners: Session;
  const mint = (who: Session, body: unknown) =>
    apiCall(server.url, 'POST', `/api/compounds/${admin.compoundId}/invites`, { body, token: who.token });

  beforeEach(async () => {
    admin = await createCompound(server.url, { party: 'community' });
    owners = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老陈');
  });

  it('a committee member of the owners is refused a property invite with 403 forbidden_party', async () => {
    const r = await mint(owners, { role: 'committee', party: 'property' });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('forbidden_party');
    expect((await mint(owners, { role: 'committee', party: 'community' })).json.error.code).toBe('forbidden_party');
  });

  it('a committee member mints committee invites for their own party and resident invites', async () => {
    const own = await mint(owners, { role: 'committee', party: 'owners' });
    expect(own.status).toBe(201);
    const joined = await apiCall(server.url, 'POST', '/api/join', {
      body: { code: own.json.code, name: '业委会小刘' },
    });
    expect(joined.json).toMatchObject({ role: 'committee', party: 'owners' });
    expect((await mint(owners, { role: 'resident' })).status).toBe(201);
  });

  it('a resident invite naming a party is refused, by a committee member or an admin: a resident sits for none', async () => {
    for (const who of [owners, admin]) {
      const r = await mint(who, { role: 'resident', party: 'property' });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
      expect(r.json.error.message).toMatch(/^party:/);
    }
    const plain = await mint(owners, { role: 'resident' });
    const joined = await apiCall(server.url, 'POST', '/api/join', {
      body: { code: plain.json.code, name: '居民老赵' },
    });
    expect(joined.json).toMatchObject({ role: 'resident', party: 'none' });
  });

  it('an admin mints committee invites for every party', async () => {
    for (const party of ['community', 'owners', 'property']) {
      expect((await mint(admin, { role: 'committee', party })).status).toBe(201);
    }
  });

  it('a resident mints no invite at all', async () => {
    const resident = await addMember(server.url, admin, { role: 'resident' }, '居民');
    expect((await mint(resident, { role: 'resident' })).json.error.code).toBe('forbidden');
    expect((await mint(resident, { role: 'committee', party: 'owners' })).json.error.code).toBe('forbidden');
  });
});
