import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose, memberEvent } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** The reporter tag (网格员, 快递/外卖小哥) lives on the profile: a member tags themself, the committee anyone. */
describe('snap reports: who sets a reporter tag', () => {
  const server = useTestServer();
  let admin: Session;
  let rider: Session;
  let neighbour: Session;
  beforeEach(async () => {
    admin = await createCompound(server.url);
    rider = await addMember(server.url, admin, { role: 'resident' }, '小张');
    neighbour = await addMember(server.url, admin, { role: 'resident' }, '李叔');
  });

  it('a resident tags themself a delivery rider and files a snap report; both reach the committee', async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(rider, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([
      memberEvent(
        rider,
        'practice.profile.registered',
        { memberId: rider.memberId, tags: ['delivery-rider'] },
        'tag-1',
      ),
      memberEvent(rider, 'request.raised', { title: '井盖松了', category: 'roads', snap: true }, 'snap-1'),
    ]);
    await eventually(() =>
      expect(watcher.events.toArray()).toMatchObject([{ id: 'tag-1' }, { id: 'snap-1', snap: true }]),
    );
    expect(phone.closes).toEqual([]);
  });

  it('a resident tagging someone else a grid worker is closed with 4422 only_for_self and nothing reaches others', async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(rider, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([
      memberEvent(rider, 'practice.profile.registered', { memberId: neighbour.memberId, tags: ['grid-worker'] }),
    ]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.NotPermitted}`));
    expect(close.reason).toContain('only_for_self');
    expect(watcher.events.length).toBe(0);
  });

  it('the committee tags a member a grid worker', async () => {
    const watcher = server.connect(rider, 'public');
    const committee = server.connect(admin, 'public');
    await Promise.all([synced(watcher), synced(committee)]);
    committee.events.push([
      memberEvent(
        admin,
        'practice.profile.registered',
        { memberId: neighbour.memberId, tags: ['grid-worker'] },
        'tag-2',
      ),
    ]);
    await eventually(() => expect(watcher.events.toArray()).toMatchObject([{ id: 'tag-2', tags: ['grid-worker'] }]));
    expect(committee.closes).toEqual([]);
  });

  it('a snap mark other than true is closed as a schema error', async () => {
    const phone = server.connect(rider, 'public');
    await synced(phone);
    phone.events.push([memberEvent(rider, 'request.raised', { title: '路灯', category: 'lighting', snap: 'yes' })]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.Schema}`));
  });
});
