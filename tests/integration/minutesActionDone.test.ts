import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { foldMinutes } from '../../shared/folds/foldMinutes.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** An action item is marked done by its owner or the committee, also after the minutes are locked. */
describe('minutes: marking an action item done', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let neighbour: Session;
  let recorder: Session;
  let n = 0;
  const open = (s: Session, doc: string) => server.connect(s, doc);
  const ev = (by: Session, type: string, fields: Record<string, unknown>, id = `ev-${++n}`) => ({
    id,
    type,
    at: Date.now(),
    by: by.memberId,
    ...fields,
  });
  /** Minutes with one action item for the resident, signed off by the only party present: locked. */
  const lockedMinutes = async (doc: string) => {
    const chair = open(recorder, doc);
    await synced(chair);
    chair.events.push([
      ev(recorder, 'minutes.signed-in', { attendee: { memberId: recorder.memberId, party: 'owners' } }),
      ev(
        recorder,
        'minutes.action.created',
        { text: '统计车位', owner: { memberId: resident.memberId }, deadline: '2030-01-01' },
        'act-1',
      ),
      ev(recorder, 'minutes.signed-off', { party: 'owners' }),
    ]);
    expect(foldMinutes(chair.events.toArray()).locked).toBe(true);
    return chair;
  };
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '王阿姨');
    neighbour = await addMember(server.url, admin, { role: 'resident' }, '李叔');
    recorder = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老刘');
  });

  it("the owner's done mark on locked minutes is stored and reaches the recorder", async () => {
    const chair = await lockedMinutes('minutes-d1');
    const phone = open(resident, 'minutes-d1');
    await eventually(() => expect(phone.events.length).toBe(3));
    phone.events.push([
      ev(resident, 'minutes.action.done', { actionId: 'act-1', owner: { memberId: resident.memberId } }, 'done-1'),
    ]);
    await eventually(() =>
      expect(foldMinutes(chair.events.toArray()).actionsDone['act-1']?.by).toBe(resident.memberId),
    );
    await eventually(() =>
      expect(server.storage.docs.count(`${admin.compoundId}/minutes-d1`)).resolves.toBeGreaterThan(1),
    );
    expect(phone.closes).toEqual([]);
  });

  it('a resident who marks someone else’s item done is closed with 4422 not_permitted', async () => {
    const chair = await lockedMinutes('minutes-d2');
    const phone = open(neighbour, 'minutes-d2');
    await eventually(() => expect(phone.events.length).toBe(3));
    phone.events.push([
      ev(neighbour, 'minutes.action.done', { actionId: 'act-1', owner: { memberId: resident.memberId } }),
    ]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.NotPermitted}`));
    expect(chair.events.length).toBe(3);
  });

  it('a done mark claiming the wrong owner is refused as a causal rule (not_owner)', async () => {
    const chair = await lockedMinutes('minutes-d3');
    const phone = open(neighbour, 'minutes-d3');
    await eventually(() => expect(phone.events.length).toBe(3));
    phone.events.push([
      ev(neighbour, 'minutes.action.done', { actionId: 'act-1', owner: { memberId: neighbour.memberId } }),
    ]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(/^causal_rule: .*not_owner/);
    expect(chair.events.length).toBe(3);
  });
});
