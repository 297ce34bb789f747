import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { addMember, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose, memberEvent } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** Only a request's raiser corrects it: a rule every honest phone can keep (it holds the request), so the relay refuses the rest. */
describe('request edits at the relay', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let neighbour: Session;
  const requestOn = (c: TestClient) => foldEvents(c.events.toArray() as never[]).agenda.requests.r1;
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '王阿姨');
    neighbour = await addMember(server.url, admin, { role: 'resident' }, '李叔');
  });

  it('the raiser’s edit reaches everyone, with the words it replaced', async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(resident, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([memberEvent(resident, 'request.raised', { title: '路灯不亮', category: 'lighting' }, 'r1')]);
    phone.events.push([
      memberEvent(resident, 'request.edited', { requestId: 'r1', title: '北门路灯不亮', location: '北门' }),
    ]);
    await eventually(() => expect(requestOn(watcher)?.title).toBe('北门路灯不亮'));
    expect(requestOn(watcher)?.edits[0]?.changes).toEqual([
      { field: 'title', before: '路灯不亮', after: '北门路灯不亮' },
      { field: 'location', before: null, after: '北门' },
    ]);
    expect(phone.closes).toEqual([]);
  });

  it('another member rewriting someone’s request is closed with 4422 and nobody sees it', async () => {
    const watcher = server.connect(admin, 'public');
    const phone = server.connect(resident, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([memberEvent(resident, 'request.raised', { title: '路灯不亮', category: 'lighting' }, 'r1')]);
    const hostile = server.connect(neighbour, 'public');
    await eventually(() => expect(hostile.events.length).toBe(1));
    hostile.events.push([memberEvent(neighbour, 'request.edited', { requestId: 'r1', title: '没什么事' })]);
    const close = await firstClose(hostile);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.CausalRule}`));
    expect(close.reason).toContain('not_raiser');
    // A later write from the raiser still arrives; the rewrite never did.
    phone.events.push([memberEvent(resident, 'request.edited', { requestId: 'r1', detail: '晚上看不见' })]);
    await eventually(() => expect(watcher.events.length).toBe(2));
    expect(requestOn(watcher)?.title).toBe('路灯不亮');
    expect(requestOn(watcher)?.edits.map((e) => e.by)).toEqual([resident.memberId]);
    expect(phone.closes).toEqual([]);
  });

  it('an edit naming a request the member never saw is refused as causal too', async () => {
    const hostile = server.connect(neighbour, 'public');
    await synced(hostile);
    hostile.events.push([memberEvent(neighbour, 'request.edited', { requestId: 'nowhere', title: '改' })]);
    const close = await firstClose(hostile);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.CausalRule}`));
  });
});
