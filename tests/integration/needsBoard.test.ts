import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { addMember, createCompound, raised, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose, memberEvent } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** The needs board through the real relay: a partner unit reaches it and nothing else; who may do what on it. */
describe('needs board: partner units', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let partner: Session;
  let rival: Session;
  const wish = (id = 'l1') =>
    memberEvent(admin, 'practice.published', { wish: { title: '给独居老人换电扇', forName: '王*' } }, id);
  const claim = (s: Session, unitName: string, id: string) =>
    memberEvent(s, 'practice.claimed', { listingId: 'l1', unitName, contact: '138' }, id);
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '王小明');
    partner = await addMember(server.url, admin, { role: 'partner', unit: '惠民药房' }, '陈志明');
    rival = await addMember(server.url, admin, { role: 'partner', unit: '顺丰快递站' }, '周丽');
  });

  it('a partner joins with their role and unit', () => {
    expect(partner).toMatchObject({ role: 'partner', party: 'none', unit: '惠民药房' });
  });

  it.each(['public', 'committee', 'members', 'minutes-m1'])(
    'a partner’s socket to %s is closed with 4403 and receives nothing',
    async (doc) => {
      const writer = server.connect(admin, doc === 'members' || doc.startsWith('minutes') ? 'public' : doc);
      await synced(writer);
      if (doc === 'public') writer.events.push([raised(admin, '3号楼楼道灯坏了')]);
      const snoop = server.connect(partner, doc);
      const close = await firstClose(snoop);
      expect(close.code).toBe(CloseCode.Forbidden);
      expect(snoop.events.length).toBe(0);
      expect(JSON.stringify(snoop.doc.toJSON())).not.toContain('楼道灯');
    },
  );

  it('a partner reads the board and claims a wish for their own unit', async () => {
    const committee = server.connect(admin, 'needs');
    await synced(committee);
    committee.events.push([wish()]);
    const phone = server.connect(partner, 'needs');
    await eventually(() => expect(phone.events.length).toBe(1));
    phone.events.push([claim(partner, '惠民药房', 'c1')]);
    await eventually(() => expect(committee.events.toArray()).toMatchObject([{ id: 'l1' }, { id: 'c1' }]));
    expect(phone.closes).toEqual([]);
  });

  it('a partner claiming in another unit’s name is closed with 4422 own_unit', async () => {
    const committee = server.connect(admin, 'needs');
    await synced(committee);
    committee.events.push([wish()]);
    const phone = server.connect(partner, 'needs');
    await eventually(() => expect(phone.events.length).toBe(1));
    phone.events.push([claim(partner, '顺丰快递站', 'c1')]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toContain('own_unit');
    expect(committee.events.length).toBe(1);
  });

  it('two partners claiming one wish offline are both kept: the second is a conflict for the committee', async () => {
    const committee = server.connect(admin, 'needs');
    await synced(committee);
    committee.events.push([wish()]);
    const a = server.connect(partner, 'needs');
    const b = server.connect(rival, 'needs');
    await eventually(() => expect(a.events.length + b.events.length).toBe(2));
    a.events.push([claim(partner, '惠民药房', 'c1')]);
    b.events.push([claim(rival, '顺丰快递站', 'c2')]);
    await eventually(() => expect(committee.events.length).toBe(3));
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  });

  it('claiming a wish that does not exist is refused as causal', async () => {
    const phone = server.connect(partner, 'needs');
    await synced(phone);
    phone.events.push([claim(partner, '惠民药房', 'c1')]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.CausalRule}`));
  });

  it('reporting on another unit’s claim is refused as causal', async () => {
    const committee = server.connect(admin, 'needs');
    await synced(committee);
    committee.events.push([wish()]);
    const a = server.connect(partner, 'needs');
    await eventually(() => expect(a.events.length).toBe(1));
    a.events.push([claim(partner, '惠民药房', 'c1')]);
    const b = server.connect(rival, 'needs');
    await eventually(() => expect(b.events.length).toBe(2));
    b.events.push([memberEvent(rival, 'practice.reported', { listingId: 'l1', claimId: 'c1', note: '我们办的' })]);
    const close = await firstClose(b);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toContain('not_claimer');
  });

  it('a resident cannot accept a delivery, nor claim; a partner cannot publish', async () => {
    const committee = server.connect(admin, 'needs');
    await synced(committee);
    committee.events.push([wish()]);
    const cases: [Session, Record<string, unknown>, string][] = [
      [resident, memberEvent(resident, 'practice.accepted', { listingId: 'l1', claimId: 'c1' }), 'needs committee'],
      [resident, claim(resident, '惠民药房', 'c9'), 'own_unit'],
      [partner, memberEvent(partner, 'practice.published', { wish: { title: '自己发的' } }), 'needs committee'],
    ];
    for (const [who, e, why] of cases) {
      const phone = server.connect(who, 'needs');
      await eventually(() => expect(phone.events.length).toBe(1));
      phone.events.push([e]);
      const close = await firstClose(phone);
      expect(close.code).toBe(CloseCode.UpdateRejected);
      expect(close.reason).toContain(why);
      phone.destroy();
    }
    expect(committee.events.length).toBe(1);
  });

  it('a wish naming a resident in full is refused: partners read this document', async () => {
    const committee = server.connect(admin, 'needs');
    await synced(committee);
    committee.events.push([memberEvent(admin, 'practice.published', { wish: { title: '换电扇', forName: '王小明' } })]);
    const close = await firstClose(committee);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toContain('name_not_masked');
  });

  it('a partner invite must name its unit, and other invites must not', async () => {
    const invite = (body: unknown) =>
      fetch(`${server.url}/api/compounds/${admin.compoundId}/invites`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await invite({ role: 'partner' })).status).toBe(400);
    expect((await invite({ role: 'resident', unit: '惠民药房' })).status).toBe(400);
    expect((await invite({ role: 'partner', unit: '惠民药房', party: 'owners' })).status).toBe(400);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${partner.token}` } });
    expect(await me.json()).toMatchObject({ role: 'partner', unit: '惠民药房' });
  });
});
