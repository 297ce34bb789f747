import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('revoking a member', () => {
  const server = useTestServer();

  it('closes the member’s live sockets at once with 4401 and the token stops working', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'committee', party: 'community' }, '网格员小张');
    const a = server.connect(bob, 'public');
    const b = server.connect(bob, 'committee');
    const members = server.connect(admin, 'members');
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
    const again = server.connect(bob, 'public');
    await eventually(() => expect(again.closes[0]?.code).toBe(CloseCode.Unauthenticated));
    await eventually(() =>
      expect(members.events.toArray()).toContainEqual(
        expect.objectContaining({ type: 'member.revoked', memberId: bob.memberId }),
      ),
    );
  });
});
