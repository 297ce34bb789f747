import { describe, expect, it } from 'vitest';
import { addMember, createCompound } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

async function status(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  return res.status;
}

const from = (address: string) => ({ 'x-forwarded-for': address });

describe('the API limiter behind a reverse proxy (TRUST_PROXY)', () => {
  const proxied = useTestServer({ TRUST_PROXY: '1', API_BURST: '3', API_REQUESTS_PER_MINUTE: '1' }, { per: 'block' });
  const direct = useTestServer({ API_BURST: '3', API_REQUESTS_PER_MINUTE: '1' }, { per: 'block' });
  const threeProxies = useTestServer(
    { TRUST_PROXY: '3', API_BURST: '3', API_REQUESTS_PER_MINUTE: '1' },
    { per: 'block' },
  );

  it('keys on the right-most X-Forwarded-For hop, so two people behind one proxy have their own limits', async () => {
    const me = `${proxied.url}/api/me`;
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await status(me, from('203.0.113.7')));
    expect(first).toEqual([401, 401, 401, 429]);
    // A client cannot pick its bucket: the proxy appends the address it saw, and only that counts.
    expect(await status(me, from('198.51.100.1, 203.0.113.7'))).toBe(429);
    expect(await status(me, from('203.0.113.8'))).toBe(401);
  });

  it('with fewer hops than TRUST_PROXY, keys on the hop the nearest proxy wrote, never one the client wrote', async () => {
    const me = `${threeProxies.url}/api/me`;
    const first = [];
    for (let i = 0; i < 4; i++) first.push(await status(me, from('203.0.113.7')));
    expect(first).toEqual([401, 401, 401, 429]);
    // Two hops of three: the left one is the client's own words, so a new one buys no new bucket.
    expect(await status(me, from('198.51.100.1, 203.0.113.7'))).toBe(429);
    expect(await status(me, from('198.51.100.2, 203.0.113.7'))).toBe(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const me = `${direct.url}/api/me`;
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await status(me, from(`203.0.113.${i}`)));
    expect(seen).toEqual([401, 401, 401, 429]);
  });
});

describe('the per-address limiter under many addresses', () => {
  const server = useTestServer(
    { TRUST_PROXY: '1', API_BURST: '2', API_REQUESTS_PER_MINUTE: '1', RATE_LIMIT_ADDRESSES: '100' },
    { per: 'block' },
  );

  it('forgets the least recently seen addresses, never everyone at once', async () => {
    const me = `${server.url}/api/me`;
    const busy = from('192.0.2.1');
    expect([await status(me, busy), await status(me, busy), await status(me, busy)]).toEqual([401, 401, 429]);
    // More new addresses than the limiter keeps; the busy one keeps coming back meanwhile.
    for (let batch = 0; batch < 4; batch++) {
      const requests = [];
      for (let i = 0; i < 40; i++) requests.push(status(me, from(`10.0.${batch}.${i}`)));
      expect(new Set(await Promise.all(requests))).toEqual(new Set([401]));
      expect(await status(me, busy)).toBe(429);
    }
  });
});

describe('per-member limits on authenticated routes', () => {
  const server = useTestServer({ API_BURST: '100', MEMBER_API_BURST: '3', MEMBER_API_REQUESTS_PER_MINUTE: '1' });

  it('a member who spends their requests gets 429 while another member at the same address does not', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '楼上老赵');
    const me = `${server.url}/api/me`;
    const bobs = [];
    for (let i = 0; i < 4; i++) bobs.push(await status(me, { authorization: `Bearer ${bob.token}` }));
    expect(bobs).toEqual([200, 200, 200, 429]);
    expect(await status(me, { authorization: `Bearer ${admin.token}` })).toBe(200);
  });

  it('the snapshot route counts against the member whether the token is a header, in the URL or a ticket', async () => {
    const admin = await createCompound(server.url);
    const snapshot = `${server.url}/api/compounds/${admin.compoundId}/docs/public/snapshot`;
    const ticket = async () => {
      const res = await fetch(`${server.url}/api/compounds/${admin.compoundId}/sync-ticket`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}` },
      });
      return ((await res.json()) as { ticket: string }).ticket;
    };
    // The ticket costs one request itself; two snapshots with it spend the burst of three.
    const t = await ticket();
    expect(await status(`${snapshot}?ticket=${t}`, {})).not.toBe(429);
    expect(await status(`${snapshot}?ticket=${t}`, {})).not.toBe(429);
    expect(await status(`${snapshot}?ticket=${t}`, {})).toBe(429);
    expect(await status(`${snapshot}?token=${admin.token}`, {})).toBe(429);
  });
});
