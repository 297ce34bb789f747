import { describe, expect, it } from 'vitest';
import { addMember, createCompound, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// Regression: the members log could not say whose invite let someone in.
describe('member.joined records who invited', () => {
  const server = useTestServer();

  it('a joined member’s event names the inviter; the founder’s names nobody', async () => {
    const admin = await createCompound(server.url);
    const chen = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老陈');
    const liu = await addMember(server.url, chen, { role: 'resident' }, '居民小刘');
    const members = server.connect(admin, 'members');
    await synced(members);
    await eventually(() => expect(members.events.length).toBe(3));
    const [founder, first, second] = members.events.toArray() as Record<string, unknown>[];
    expect(founder).toMatchObject({ type: 'member.joined', memberId: admin.memberId });
    expect(founder).not.toHaveProperty('invitedBy');
    expect(first).toMatchObject({ memberId: chen.memberId, invitedBy: admin.memberId });
    expect(second).toMatchObject({ memberId: liu.memberId, invitedBy: chen.memberId });
  });
});
