import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import type { AccountStore } from '../../sync-server/storage/Storage.ts';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

type Logged = { type: string; memberId: string; role?: string };

/** An admin removes another admin: the role and the membership go together, or neither does. */
describe('removing an admin', () => {
  const server = useTestServer();
  const setRole = (by: Session, target: Session, role: string) =>
    apiCall(server.url, 'PUT', `/api/compounds/${by.compoundId}/members/${target.memberId}/role`, {
      body: { role },
      token: by.token,
    });
  const remove = (by: Session, target: Session) =>
    apiCall(server.url, 'DELETE', `/api/compounds/${by.compoundId}/members/${target.memberId}`, { token: by.token });
  const me = async (s: Session) => (await apiCall(server.url, 'GET', '/api/me', { token: s.token })).json?.role;
  /** Three admins of one compound: the founder, 业委会张主任 and 物业李经理. */
  const threeAdmins = async () => {
    const founder = await createCompound(server.url);
    const owners = await addMember(server.url, founder, { role: 'committee', party: 'owners' }, '业委会张主任');
    const property = await addMember(server.url, founder, { role: 'committee', party: 'property' }, '物业李经理');
    for (const s of [owners, property]) expect((await setRole(founder, s, 'admin')).status).toBe(204);
    return { founder, owners, property };
  };

  it('writes that the admin stepped back, then that they were removed, and closes their sockets with 4401', async () => {
    const { founder, owners } = await threeAdmins();
    const phone = server.connect(owners, 'public');
    const members = server.connect(founder, 'members');
    await Promise.all([synced(phone), synced(members)]);

    expect((await remove(founder, owners)).status).toBe(204);
    await eventually(() => expect(phone.closes.map((c) => c.code)).toEqual([CloseCode.Unauthenticated]));
    expect((await apiCall(server.url, 'GET', '/api/me', { token: owners.token })).status).toBe(401);
    const about = () =>
      (members.events.toArray() as Logged[]).filter(
        (e) => e.memberId === owners.memberId && e.type !== 'member.joined',
      );
    await eventually(() =>
      expect(about().map((e) => [e.type, e.role])).toEqual([
        ['member.role-changed', 'admin'],
        ['member.role-changed', 'committee'],
        ['member.revoked', undefined],
      ]),
    );
    // Removing again is done already: nothing more is written.
    expect((await remove(founder, owners)).status).toBe(204);
    expect(about()).toHaveLength(3);
  });

  it('an admin demoted while their removal of another admin is under way removes nobody, who keeps the role and the sockets', async () => {
    const { founder, owners, property } = await threeAdmins();
    const phone = server.connect(owners, 'public');
    await synced(phone);
    // Another instance's request lands just before the removal reaches storage: 物业李经理 makes the
    // founder a committee member.
    const accounts = server.storage.accounts;
    let interject: (() => Promise<{ status: number }>) | undefined = () => setRole(property, founder, 'committee');
    let interjected: number | undefined;
    const removeMember: AccountStore['removeMember'] = async (...args) => {
      const go = interject;
      interject = undefined;
      if (go) interjected = (await go()).status;
      return accounts.removeMember(...args);
    };
    server.storage.accounts = { ...accounts, removeMember };

    expect((await remove(founder, owners)).status).toBe(403);
    expect(interjected).toBe(204);
    expect([await me(founder), await me(owners)]).toEqual(['committee', 'admin']);
    expect(phone.closes).toEqual([]);
    // Still an admin, and still one to them: they may remove the founder.
    expect((await remove(owners, founder)).status).toBe(204);
  });
});
