import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose, memberEvent } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** The relay holds the micro-grid's rules: members register only themselves, only the committee names leads. */
describe('micro-grid: who may register and who may name leads', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let neighbour: Session;
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '王阿姨');
    neighbour = await addMember(server.url, admin, { role: 'resident' }, '李叔');
  });

  it("a member's own registration to a building is stored and reaches others", async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(resident, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    const mine = { memberId: resident.memberId, building: '3号楼', unit: '2单元', tags: ['party-member'] };
    phone.events.push([memberEvent(resident, 'practice.profile.registered', mine, 'reg-1')]);
    await eventually(() => expect(watcher.events.toArray()).toMatchObject([{ id: 'reg-1', unit: '2单元' }]));
    expect(phone.closes).toEqual([]);
  });

  it('a member registering someone else is closed with 4422 only_for_self and nothing reaches others', async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(resident, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    const theirs = { memberId: neighbour.memberId, building: '3号楼', tags: [] };
    phone.events.push([memberEvent(resident, 'practice.profile.registered', theirs)]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.NotPermitted}`));
    expect(close.reason).toContain('only_for_self');
    expect(watcher.events.length).toBe(0);
    expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBe(0);
  });

  it('a resident naming a 楼栋长 is closed with 4422 and nothing reaches others', async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(resident, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    const naming = { building: '3号楼', memberId: resident.memberId, replaces: [] };
    phone.events.push([memberEvent(resident, 'grid.building-lead.named', naming)]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.NotPermitted}`));
    expect(watcher.events.length).toBe(0);
    expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBe(0);
  });

  it("the committee's naming of a 楼栋长 reaches a resident", async () => {
    const committee = server.connect(admin, 'public');
    const phone = server.connect(resident, 'public');
    await Promise.all([synced(committee), synced(phone)]);
    const naming = { building: '3号楼', memberId: resident.memberId, replaces: [] };
    committee.events.push([memberEvent(admin, 'grid.building-lead.named', naming, 'lead-1')]);
    await eventually(() => expect(phone.events.toArray()).toMatchObject([{ id: 'lead-1' }]));
    expect(committee.closes).toEqual([]);
  });
});
