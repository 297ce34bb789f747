import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { addMember, createCompound, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { firstClose, memberEvent } from '../helpers/relayEvents.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/**
 * 记分 by hand at the relay: a committee member's phone always knows who it is, so points it types
 * for itself (an award by hand, a correction's 改记为) are refused whatever its screen offered.
 */
describe('points given by hand to oneself, at the relay', () => {
  const server = useTestServer();
  let wang: Session; // 王书记, admin (community)
  let zhang: Session; // 张主任, owners' committee

  beforeEach(async () => {
    wang = await createCompound(server.url);
    zhang = await addMember(server.url, wang, { role: 'committee', party: 'owners' }, '张主任');
  });

  /** A team and its duty of tonight, for awards that name what they pay for. */
  const dutyEvents = (by: Session, dutyId: string) => [
    memberEvent(by, 'roster.team.created', { name: '巡逻队' }, `team-${dutyId}`),
    memberEvent(
      by,
      'roster.duty.created',
      { teamId: `team-${dutyId}`, day: '2026-12-05', start: '19:00', end: '21:00', place: '东门岗亭', slots: 2 },
      dutyId,
    ),
  ];

  /** The member signs up for the duty, checks in and checks out after `minutes` (or `by` writes it for them). */
  const shiftEvents = (s: Session, dutyId: string, minutes: number, by = s) => [
    memberEvent(by, 'roster.signed-up', { dutyId, memberId: s.memberId }),
    memberEvent(by, 'roster.checked-in', { dutyId, memberId: s.memberId }),
    memberEvent(by, 'roster.checked-out', { dutyId, memberId: s.memberId, minutes }),
  ];

  async function stored(): Promise<ReturnType<typeof foldEvents>> {
    const fresh = server.connect(wang, 'public', new Y.Doc());
    await synced(fresh);
    return foldEvents(fresh.events.toArray());
  }

  it('an award by hand to its own author is closed with 4422 award_to_self; nothing is stored or forwarded', async () => {
    const watcher = server.connect(wang, 'public');
    const phone = server.connect(zhang, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([
      memberEvent(zhang, 'points.awarded', { memberId: zhang.memberId, amount: 500, reason: '辛苦' }),
    ]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(new RegExp(`^${RejectReason.NotPermitted}`));
    expect(close.reason).toContain('award_to_self');
    expect(watcher.events.length).toBe(0);
    expect((await stored()).points.accounts[zhang.memberId]).toBeUndefined();
  });

  it('under a 手动记分 rule, or as a correction’s re-award naming a duty, it is refused too', async () => {
    const setup = server.connect(wang, 'public');
    await synced(setup);
    setup.events.push([
      memberEvent(wang, 'points.rule.defined', { name: '门前三包整洁', points: 10, kind: 'other' }, 'tidy'),
      memberEvent(wang, 'points.awarded', { memberId: zhang.memberId, ruleId: 'tidy', reason: '门前整洁' }, 'a1'),
      ...dutyEvents(wang, 'd1'),
    ]);
    for (const award of [
      { memberId: zhang.memberId, ruleId: 'tidy', reason: '门前整洁' },
      { memberId: zhang.memberId, amount: 100, reason: '夜间巡逻', dutyId: 'd1' },
    ]) {
      const phone = server.connect(zhang, 'public');
      await eventually(() => expect(phone.events.length).toBe(4));
      phone.events.push([memberEvent(zhang, 'points.awarded', award)]);
      const close = await firstClose(phone);
      expect(close.code).toBe(CloseCode.UpdateRejected);
      expect(close.reason).toContain('award_to_self');
    }
    expect((await stored()).points.accounts[zhang.memberId]?.balance).toBe(10);
  });

  it('another committee member’s award by hand, and one’s own suggestion confirmed (a rule and the duty served), are stored', async () => {
    const watcher = server.connect(zhang, 'public');
    const phone = server.connect(wang, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([
      memberEvent(wang, 'points.rule.defined', { name: '志愿值班每小时', points: 10, kind: 'duty_hour' }, 'hour'),
      ...dutyEvents(wang, 'd2'),
      ...shiftEvents(wang, 'd2', 120),
      memberEvent(wang, 'points.awarded', { memberId: zhang.memberId, amount: 20, reason: '帮忙搬桌椅' }, 'b1'),
      memberEvent(
        wang,
        'points.awarded',
        { memberId: wang.memberId, ruleId: 'hour', units: 2, reason: '志愿值班每小时', dutyId: 'd2' },
        'b2',
      ),
    ]);
    await eventually(() => expect(watcher.events.length).toBe(8));
    expect(phone.closes).toEqual([]);
    const points = (await stored()).points;
    expect(points.accounts[zhang.memberId]?.balance).toBe(20);
    expect(points.accounts[wang.memberId]?.balance).toBe(20);
  });

  it('a rule’s award to oneself naming any request is closed with source_kind: the 100,000 points a reviewer found', async () => {
    const watcher = server.connect(wang, 'public');
    const phone = server.connect(zhang, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([
      memberEvent(zhang, 'request.raised', { title: '3号楼门口路灯坏了', category: 'lighting' }, 'req'),
      memberEvent(zhang, 'points.rule.defined', { name: '特别贡献', points: 1000, kind: 'other' }, 'big'),
    ]);
    await eventually(() => expect(watcher.events.length).toBe(2));
    phone.events.push([
      memberEvent(zhang, 'points.awarded', {
        memberId: zhang.memberId,
        ruleId: 'big',
        units: 100,
        reason: '特别贡献',
        requestId: 'req',
      }),
    ]);
    const close = await firstClose(phone);
    expect(close.code).toBe(CloseCode.UpdateRejected);
    expect(close.reason).toMatch(/^causal_rule: points\.awarded .*: source_kind$/);
    expect(watcher.events.length).toBe(2);
    expect((await stored()).points.accounts[zhang.memberId]).toBeUndefined();
  });

  it('a duty’s award to oneself of more hours than served, or for another’s snap report, is refused', async () => {
    const setup = server.connect(wang, 'public');
    await synced(setup);
    setup.events.push([
      memberEvent(wang, 'points.rule.defined', { name: '志愿值班每小时', points: 10, kind: 'duty_hour' }, 'hour'),
      memberEvent(wang, 'points.rule.defined', { name: '随手拍', points: 5, kind: 'snap_report' }, 'snap'),
      memberEvent(wang, 'request.raised', { title: '井盖松了', category: 'roads', snap: true }, 'snap-wang'),
      ...dutyEvents(wang, 'd3'),
      ...shiftEvents(zhang, 'd3', 120, wang),
    ]);
    for (const [award, code] of [
      [{ ruleId: 'hour', units: 3, dutyId: 'd3' }, 'units_over'],
      [{ ruleId: 'snap', requestId: 'snap-wang' }, 'not_own_source'],
    ] as const) {
      const phone = server.connect(zhang, 'public');
      await eventually(() => expect(phone.events.length).toBe(8));
      phone.events.push([memberEvent(zhang, 'points.awarded', { memberId: zhang.memberId, reason: '确认', ...award })]);
      const close = await firstClose(phone);
      expect(close.reason).toMatch(new RegExp(`^causal_rule: .*: ${code}$`));
    }
    expect((await stored()).points.accounts[zhang.memberId]).toBeUndefined();
  });

  it('an honest phone’s own duty award written offline is stored though a shorter correction reached the relay first', async () => {
    const watcher = server.connect(zhang, 'public');
    const phone = server.connect(wang, 'public');
    await Promise.all([synced(watcher), synced(phone)]);
    phone.events.push([
      memberEvent(wang, 'points.rule.defined', { name: '志愿值班每小时', points: 10, kind: 'duty_hour' }, 'hour'),
      ...dutyEvents(wang, 'd4'),
      ...shiftEvents(wang, 'd4', 120),
    ]);
    await eventually(() => expect(watcher.events.length).toBe(6));
    phone.provider.disconnect();
    await eventually(() => expect(server.relay.stats().connections).toBe(1));
    // The phone shows 2 hours served and its member confirms them (an older app offered that).
    phone.events.push([
      memberEvent(wang, 'points.awarded', {
        memberId: wang.memberId,
        ruleId: 'hour',
        units: 2,
        reason: '志愿值班每小时',
        dutyId: 'd4',
      }),
    ]);
    // Meanwhile another committee member puts the shift at one hour.
    const now = Date.now();
    watcher.events.push([
      memberEvent(zhang, 'roster.attendance.corrected', {
        dutyId: 'd4',
        teamId: 'team-d4',
        memberId: wang.memberId,
        checkedInAt: now - 3_600_000,
        checkedOutAt: now,
        reason: '按签到表',
        as: 'committee',
      }),
    ]);
    await eventually(async () => expect((await stored()).rosters.duties.d4?.signups[wang.memberId]?.minutes).toBe(60));
    phone.provider.connect();
    await eventually(() => expect(watcher.events.length).toBe(8));
    expect(phone.closes.concat(watcher.closes)).toEqual([]);
    expect((await stored()).points.accounts[wang.memberId]?.balance).toBe(20);
  });

  it('a correction of a line of its author’s own account is closed with own_line; another member’s correction of it is stored', async () => {
    const setup = server.connect(wang, 'public');
    await synced(setup);
    setup.events.push([
      memberEvent(wang, 'points.awarded', { memberId: zhang.memberId, amount: 100, reason: '夜间巡逻' }, 'give'),
      memberEvent(wang, 'points.goods.listed', { name: '大米', pricePoints: 30, stock: 5 }, 'rice'),
      memberEvent(wang, 'points.redeemed', { memberId: zhang.memberId, goodsId: 'rice', quantity: 1 }, 'took'),
      memberEvent(wang, 'points.awarded', { memberId: zhang.memberId, amount: -10, reason: '飞线充电' }, 'fine'),
    ]);
    // Taking back their own redemption or deduction would give them points.
    for (const targetEventId of ['took', 'fine']) {
      const phone = server.connect(zhang, 'public');
      await eventually(() => expect(phone.events.length).toBe(4));
      phone.events.push([memberEvent(zhang, 'points.corrected', { targetEventId, reason: '记错了' })]);
      const close = await firstClose(phone);
      expect(close.code).toBe(CloseCode.UpdateRejected);
      expect(close.reason).toContain('own_line');
    }
    expect((await stored()).points.accounts[zhang.memberId]?.balance).toBe(60);
    setup.events.push([memberEvent(wang, 'points.corrected', { targetEventId: 'fine', reason: '查实不是他' })]);
    await eventually(async () => expect((await stored()).points.accounts[zhang.memberId]?.balance).toBe(70));
    expect(setup.closes).toEqual([]);
  });
});
