import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** The unit register lives in the committee document: committee members keep it, residents never see it. */
describe('the unit register through the relay', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let committee: Session;
  const open = (s: Session, doc: string) => server.connect(s, doc);
  const unitRegistered = (by: Session, id: string) => ({
    id,
    type: 'unit.registered',
    at: Date.now(),
    by: by.memberId,
    building: '3号楼',
    unit: '2单元',
    room: '401',
    area: 8550,
    owners: [{ name: '王芳' }, { memberId: resident.memberId }],
  });
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '王芳');
    committee = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老刘');
  });

  it("a committee member's unit registration and removal are stored and reach the other committee phones", async () => {
    const phone = open(committee, 'committee');
    const other = open(admin, 'committee');
    await Promise.all([synced(phone), synced(other)]);
    phone.events.push([
      unitRegistered(committee, 'u1'),
      { id: 'u2', type: 'unit.removed', at: Date.now(), by: committee.memberId, building: '3号楼', room: '402' },
    ]);
    await eventually(() => expect(other.events.toArray()).toMatchObject([{ id: 'u1' }, { id: 'u2' }]));
    await eventually(() => expect(server.storage.docs.count(`${admin.compoundId}/committee`)).resolves.toBe(1));
    expect(phone.closes).toEqual([]);
  });

  it('a resident is refused the committee document, so never reads or writes the register', async () => {
    expect((await firstClose(open(resident, 'committee'))).code).toBe(CloseCode.Forbidden);
  });

  it('a resident who writes a unit into the public document is closed with 4422 and nothing reaches others', async () => {
    const watcher = open(committee, 'public');
    const phone = open(resident, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([unitRegistered(resident, 'u3')]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.WrongDocument}`));
    expect(watcher.events.length).toBe(0);
  });

  it('a unit with an area in fractions of a hundredth is refused by its schema', async () => {
    const phone = open(committee, 'committee');
    await synced(phone);
    phone.events.push([{ ...unitRegistered(committee, 'u4'), area: 85.5 }]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.Schema}`));
  });
});
