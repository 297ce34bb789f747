import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, connect, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { memberEvent } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** A community worker moves on: the founder makes an owners' committee member admin and steps back. */
describe('handing the admin role over', () => {
  const server = useTestServer();
  const setRole = (by: Session, target: Session, role: unknown) =>
    apiCall(server.url, 'PUT', `/api/compounds/${by.compoundId}/members/${target.memberId}/role`, {
      body: { role },
      token: by.token,
    });
  const me = async (s: Session) => (await apiCall(server.url, 'GET', '/api/me', { token: s.token })).json.role;
  const tier = (by: Session, limitFen: number) =>
    memberEvent(by, 'ledger.tier.set', { limitFen, from: '2026-01-01' }, `tier-${by.memberId}-${limitFen}`);

  it('makes a committee member an admin, lets the founder step back, and never leaves no admin', async () => {
    const founder = await createCompound(server.url);
    const owners = await addMember(server.url, founder, { role: 'committee', party: 'owners' }, '业委会张主任');
    const resident = await addMember(server.url, founder, { role: 'resident' }, '李叔');

    // Only an admin changes roles, only committee members take the admin role, and only admin or committee.
    expect((await setRole(owners, owners, 'admin')).status).toBe(403);
    const notCommittee = await setRole(founder, resident, 'admin');
    expect([notCommittee.status, notCommittee.json.error.code]).toEqual([409, 'not_committee']);
    expect((await setRole(founder, owners, 'resident')).status).toBe(400);
    const alone = await setRole(founder, founder, 'committee');
    expect([alone.status, alone.json.error.code]).toEqual([409, 'last_admin']);

    // The owners' member's phone is open on the public document while the founder makes them admin.
    const phone = connect(server.wsUrl, owners);
    const founderPhone = connect(server.wsUrl, founder);
    const members = connect(server.wsUrl, resident, 'members');
    await Promise.all([synced(phone), synced(founderPhone), synced(members)]);
    expect((await setRole(founder, owners, 'admin')).status).toBe(204);
    expect(await me(owners)).toBe('admin');
    await eventually(() => expect(phone.closes.map((c) => c.code)).toContain(CloseCode.RoleChanged));
    expect(founderPhone.closes).toEqual([]);
    await eventually(() =>
      expect(members.events.toArray()).toContainEqual(
        expect.objectContaining({
          type: 'member.role-changed',
          memberId: owners.memberId,
          role: 'admin',
          by: founder.memberId,
        }),
      ),
    );
    // Saying it again changes nothing and writes nothing.
    expect((await setRole(founder, owners, 'admin')).status).toBe(204);

    // Reconnected, the new admin's phone sets the spending limit, which only an admin may.
    await synced(phone);
    await eventually(() => expect(phone.provider.wsconnected).toBe(true));
    phone.events.push([tier(owners, 3_000_000)]);
    await eventually(() =>
      expect(founderPhone.events.toArray()).toContainEqual(
        expect.objectContaining({ type: 'ledger.tier.set', by: owners.memberId }),
      ),
    );
    expect(phone.closes.map((c) => c.code)).toEqual([CloseCode.RoleChanged]);

    // The founder steps back; their phone reconnects as a committee member, whose limit is refused.
    expect((await setRole(founder, founder, 'committee')).status).toBe(204);
    expect(await me(founder)).toBe('committee');
    await eventually(() => expect(founderPhone.closes.map((c) => c.code)).toContain(CloseCode.RoleChanged));
    await eventually(() => expect(founderPhone.provider.wsconnected).toBe(true));
    founderPhone.events.push([tier(founder, 1_000_000)]);
    await eventually(() => expect(founderPhone.closes.length).toBeGreaterThan(1));
    expect(founderPhone.closes[1]).toMatchObject({
      code: CloseCode.UpdateRejected,
      reason: expect.stringContaining('not_permitted'),
    });

    // The new admin is now the only one; the old one may no longer change roles.
    const last = await setRole(owners, owners, 'committee');
    expect([last.status, last.json.error.code]).toEqual([409, 'last_admin']);
    expect((await setRole(founder, owners, 'committee')).status).toBe(403);
    expect(
      members.events
        .toArray()
        .filter((e) => (e as { type: string }).type === 'member.role-changed')
        .map((e) => (e as { memberId: string; role: string }).role),
    ).toEqual(['admin', 'committee']);
    for (const c of [phone, founderPhone, members]) c.destroy();
  });

  it('an admin removes another admin, never the last one', async () => {
    const founder = await createCompound(server.url);
    const owners = await addMember(server.url, founder, { role: 'committee', party: 'owners' }, '业委会张主任');
    expect((await setRole(founder, owners, 'admin')).status).toBe(204);
    const remove = (by: Session, target: Session) =>
      apiCall(server.url, 'DELETE', `/api/compounds/${by.compoundId}/members/${target.memberId}`, { token: by.token });
    expect((await remove(owners, founder)).status).toBe(204);
    expect((await apiCall(server.url, 'GET', '/api/me', { token: founder.token })).status).toBe(401);
    expect(await me(owners)).toBe('admin');
    // Storage holds the guard too: removing the last admin (a race the API's checks cannot see) is refused.
    expect(await server.storage.accounts.setRole(owners.memberId, 'committee', Date.now(), owners.memberId)).toEqual({
      ok: false,
      reason: 'last_admin',
    });
  });
});
