import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** A resident at the meeting appends their own sign-in to the minutes and nothing else. */
describe('minutes: a resident signs themself in', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let neighbour: Session;
  let recorder: Session;
  const open = (s: Session, doc: string) => server.connect(s, doc);
  const signIn = (by: Session, attendee: Record<string, unknown>, id = `si-${Math.random()}`) => ({
    id,
    type: 'minutes.signed-in',
    at: Date.now(),
    by: by.memberId,
    attendee,
  });
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '王阿姨');
    neighbour = await addMember(server.url, admin, { role: 'resident' }, '李叔');
    recorder = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老刘');
  });

  it("a resident's own sign-in is stored and reaches the recorder", async () => {
    const watcher = open(recorder, 'minutes-m1');
    const phone = open(resident, 'minutes-m1');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([signIn(resident, { memberId: resident.memberId, party: 'none' }, 'self-1')]);
    await eventually(() => expect(watcher.events.toArray()).toMatchObject([{ id: 'self-1' }]));
    await eventually(() => expect(server.storage.docs.count(`${admin.compoundId}/minutes-m1`)).resolves.toBe(1));
    expect(phone.closes).toEqual([]);
  });

  it('a resident who signs in someone else is closed with 4422 and nothing reaches others', async () => {
    const watcher = open(recorder, 'minutes-m2');
    const phone = open(resident, 'minutes-m2');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([signIn(resident, { memberId: neighbour.memberId, party: 'none' })]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.NotPermitted}`));
    expect(watcher.events.length).toBe(0);
    expect(await server.storage.docs.count(`${admin.compoundId}/minutes-m2`)).toBe(0);
  });

  it('a resident who types into the notes is closed with 4403 read_only naming the notes', async () => {
    const watcher = open(recorder, 'minutes-m3');
    await synced(watcher);
    watcher.doc.getText('notes').insert(0, '开会了。');
    const phone = open(resident, 'minutes-m3');
    await eventually(() => expect(phone.doc.getText('notes').toString()).toBe('开会了。'));
    phone.doc.getText('notes').insert(4, '居民偷偷改纪要');
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.Forbidden);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.ReadOnly}: minutes notes are read-only`));
    expect(watcher.doc.getText('notes').toString()).toBe('开会了。');
  });

  it('a resident who deletes from the notes is refused the same way', async () => {
    const watcher = open(recorder, 'minutes-m4');
    await synced(watcher);
    watcher.doc.getText('notes').insert(0, '决定：装充电桩。');
    const phone = open(resident, 'minutes-m4');
    await eventually(() => expect(phone.doc.getText('notes').length).toBe(8));
    phone.doc.getText('notes').delete(0, 3);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.Forbidden);
    expect(close.reason).toMatch(/notes are read-only/);
    expect(watcher.doc.getText('notes').toString()).toBe('决定：装充电桩。');
  });

  it('a committee member signs in a guest by name (assisted) and types the notes', async () => {
    const phone = open(recorder, 'minutes-m5');
    const other = open(admin, 'minutes-m5');
    await Promise.all([synced(phone), synced(other)]);
    phone.events.push([signIn(recorder, { name: '张大爷', party: 'none' }, 'guest-1')]);
    phone.doc.getText('notes').insert(0, '张大爷说了路灯的事。');
    await eventually(() => expect(other.doc.getText('notes').toString()).toBe('张大爷说了路灯的事。'));
    await eventually(() => expect(other.events.toArray()).toMatchObject([{ id: 'guest-1' }]));
    expect(phone.closes).toEqual([]);
  });
});
