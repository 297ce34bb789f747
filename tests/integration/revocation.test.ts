import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, connect, createCompound, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

describe('revoking a member', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('closes the member’s live sockets at once with 4401 and the token stops working', async () => {
    server = await startTestServer();
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'committee', party: 'community' }, '网格员小张');
    const a = connect(server.wsUrl, bob, 'public');
    const b = connect(server.wsUrl, bob, 'committee');
    const members = connect(server.wsUrl, admin, 'members');
    clients.push(a, b, members);
    await Promise.all([synced(a), synced(b), synced(members)]);

    const res = await fetch(`${server.url}/api/compounds/${admin.compoundId}/members/${bob.memberId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.status).toBe(204);
    await eventually(
      () => {
        expect(a.closes[0]?.code).toBe(CloseCode.Unauthenticated);
        expect(b.closes[0]?.code).toBe(CloseCode.Unauthenticated);
      },
      { timeout: 1000 },
    );
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(me.status).toBe(401);
    const again = connect(server.wsUrl, bob, 'public');
    clients.push(again);
    await eventually(() => expect(again.closes[0]?.code).toBe(CloseCode.Unauthenticated));
    await eventually(() =>
      expect(members.events.toArray()).toContainEqual(
        expect.objectContaining({ type: 'member.revoked', memberId: bob.memberId }),
      ),
    );
  });
});
