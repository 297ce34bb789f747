import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { addDays, shanghaiDay } from '../../shared/time.ts';
import { addMember, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** Care visits live in the committee document alone: through the real relay, nothing of them reaches a resident. */
describe('care visits stay private', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let committee: Session;
  const open = (s: Session, doc: string) => server.connect(s, doc);
  const closeCode = async (c: TestClient) => {
    await eventually(() => expect(c.closes.length).toBeGreaterThan(0));
    return c.closes[0]!.code;
  };
  const household = (s: Session, id = 'h1') => ({
    id,
    type: 'care.household.registered',
    at: Date.now(),
    by: s.memberId,
    label: '王奶奶家',
    building: '5号楼',
    reasonCategory: 'elderly-alone',
    cadence: 'weekly',
  });
  const visit = (s: Session, extra: Record<string, unknown> = {}) => ({
    id: `v-${Math.random().toString(36).slice(2)}`,
    type: 'care.visit.logged',
    at: Date.now(),
    by: s.memberId,
    householdId: 'h1',
    note: '血压有点高',
    needs: '需要陪同去医院',
    ...extra,
  });
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '居民');
    committee = await addMember(server.url, admin, { role: 'committee', party: 'community' }, '社区网格员');
  });

  it('a resident’s stock client opening the committee document is closed with 4403 and receives none of it', async () => {
    const writer = open(committee, 'committee');
    await synced(writer);
    writer.events.push([household(committee), visit(committee)]);
    await eventually(async () =>
      expect(await server.storage.docs.count(`${admin.compoundId}/committee`)).toBeGreaterThan(0),
    );
    const snoop = open(resident, 'committee');
    expect(await closeCode(snoop)).toBe(CloseCode.Forbidden);
    expect(snoop.events.length).toBe(0);
    expect(JSON.stringify(snoop.doc.toJSON())).not.toContain('王奶奶');
  });

  it('a resident writing a care event to the public document is refused and nothing reaches others', async () => {
    const watcher = open(committee, 'public');
    await synced(watcher);
    const c = open(resident, 'public');
    await synced(c);
    c.events.push([household(resident)]);
    expect(await closeCode(c)).toBe(CloseCode.UpdateRejected);
    expect(watcher.events.length).toBe(0);
  });

  it('a committee member’s care event in the public document is refused: it belongs in the committee one', async () => {
    const c = open(committee, 'public');
    await synced(c);
    c.events.push([visit(committee)]);
    expect(await closeCode(c)).toBe(CloseCode.UpdateRejected);
    expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBe(0);
  });

  it('the public document a resident syncs holds nothing of care after the committee logs visits', async () => {
    const writer = open(committee, 'committee');
    await synced(writer);
    writer.events.push([household(committee), visit(committee)]);
    const board = open(committee, 'public');
    await synced(board);
    board.events.push([raised(committee, '3号楼楼道灯坏了')]);
    const reader = open(resident, 'public');
    await eventually(() => expect(reader.events.length).toBe(1));
    const text = JSON.stringify(reader.doc.toJSON());
    for (const secret of ['care.', '王奶奶', '血压', '医院']) expect(text).not.toContain(secret);
    expect(reader.closes).toEqual([]);
  });

  it('a resident correcting a check-in as the committee is refused', async () => {
    const c = open(resident, 'public');
    await synced(c);
    c.events.push([
      {
        id: 'c1',
        type: 'roster.attendance.corrected',
        at: Date.now(),
        by: resident.memberId,
        dutyId: 'd1',
        teamId: 't1',
        memberId: resident.memberId,
        checkedInAt: Date.now() - 3_600_000,
        checkedOutAt: Date.now(),
        reason: '多记一点',
        as: 'committee',
      },
    ]);
    expect(await closeCode(c)).toBe(CloseCode.UpdateRejected);
  });

  it('a visit dated yesterday is stored and reaches others; one dated tomorrow is closed with 4422 visit_day_ahead', async () => {
    const today = shanghaiDay(Date.now());
    const watcher = open(admin, 'committee');
    const writer = open(committee, 'committee');
    await Promise.all([synced(watcher), synced(writer)]);
    const yesterday = addDays(today, -1);
    const late = visit(committee, { day: yesterday });
    writer.events.push([household(committee), late]);
    await eventually(() =>
      expect(watcher.events.toArray()).toMatchObject([{ id: 'h1' }, { id: late.id, day: yesterday }]),
    );
    expect(writer.closes).toEqual([]);

    const ahead = open(committee, 'committee');
    await synced(ahead);
    const future = visit(committee, { day: addDays(today, 1) });
    ahead.events.push([future]);
    expect(await closeCode(ahead)).toBe(CloseCode.UpdateRejected);
    expect(ahead.closes[0]!.reason).toMatch(
      new RegExp(`^${RejectReason.NotPermitted}: care.visit.logged: visit_day_ahead`),
    );
    expect(watcher.events.toArray().map((e) => (e as { id: string }).id)).toEqual(['h1', late.id]);
  });
});
