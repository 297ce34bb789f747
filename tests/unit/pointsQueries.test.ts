import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import {
  awardSuggestions,
  correctableEntry,
  historyLines,
  isCorrected,
  meetingsToAward,
  overdrafts,
  ruleFor,
  rulesInForce,
  scannedTwice,
  ticketHolder,
  ticketRedemption,
} from '../../shared/folds/pointsQueries.ts';
import { TestLog } from './support/TestLog.ts';

/** A team, a duty on 2024-05-10 with two volunteers checked out, one after 2 h 10 min. */
/** A patrol duty on 2024-05-10 that res1 served (res2 checked in only); with the duty-hour rule r1 if told. */
function dutyLog(withRule = false) {
  const log = new TestLog();
  log.add('roster.team.created', 'comm1', { name: '巡逻队' }, 'team1');
  log.add(
    'roster.duty.created',
    'comm1',
    { teamId: 'team1', day: '2024-05-10', start: '09:00', end: '11:00', place: '东门', slots: 3 },
    'duty1',
  );
  for (const m of ['res1', 'res2']) {
    log.add('roster.signed-up', m, { dutyId: 'duty1', memberId: m });
    log.add('roster.checked-in', m, { dutyId: 'duty1', memberId: m });
  }
  log.add('roster.checked-out', 'res1', { dutyId: 'duty1', memberId: 'res1', minutes: 130 });
  if (withRule)
    log.add(
      'points.rule.defined',
      'comm1',
      { name: '值班一小时', points: 10, kind: 'duty_hour', from: '2024-05-01' },
      'r1',
    );
  return log;
}

describe('points rules in force', () => {
  it('a newer rule of a kind replaces the older from the day it takes effect', () => {
    const log = new TestLog();
    log.add(
      'points.rule.defined',
      'comm1',
      { name: '值班一小时', points: 10, kind: 'duty_hour', from: '2024-01-01' },
      'r1',
    );
    log.add(
      'points.rule.defined',
      'comm1',
      { name: '值班一小时', points: 12, kind: 'duty_hour', from: '2024-06-01' },
      'r2',
    );
    log.add(
      'points.rule.defined',
      'comm1',
      { name: '参加业主大会', points: 5, kind: 'meeting', from: '2024-01-01' },
      'r3',
    );
    log.add('points.rule.defined', 'comm1', { name: '帮扶空巢老人', points: 10 }, 'r4');
    const points = foldEvents(log.events).points;
    expect(ruleFor(points, 'duty_hour', '2024-05-31')?.id).toBe('r1');
    expect(ruleFor(points, 'duty_hour', '2024-06-01')?.id).toBe('r2');
    expect(ruleFor(points, 'meeting', '2023-12-31')).toBeUndefined();
    expect(rulesInForce(points, '2024-05-10').map((r) => r.id)).toEqual(['r1', 'r3', 'r4']);
    expect(rulesInForce(points, '2024-07-01').map((r) => r.id)).toEqual(['r3', 'r4', 'r2']);
  });
});

describe('award suggestions', () => {
  it('a finished duty suggests hours times the duty-hour rule of its day; one not checked out suggests nothing', () => {
    const log = dutyLog(true);
    const s = foldEvents(log.events);
    expect(awardSuggestions(s.points, s.rosters)).toMatchObject([
      { memberId: 'res1', source: { kind: 'duty', id: 'duty1' }, units: 2, points: 20, day: '2024-05-10' },
    ]);
  });

  it('a shift whose hours come from a lead’s correction alone (no check-in or out) is suggested too', () => {
    const log = dutyLog();
    log.add('points.rule.defined', 'comm1', { name: '值班一小时', points: 10, kind: 'duty_hour', from: '2024-05-01' });
    log.add('roster.signed-up', 'res3', { dutyId: 'duty1', memberId: 'res3' });
    log.add('roster.attendance.corrected', 'comm1', {
      dutyId: 'duty1',
      teamId: 'team1',
      memberId: 'res3',
      checkedInAt: Date.parse('2024-05-10T01:00:00Z'),
      checkedOutAt: Date.parse('2024-05-10T03:00:00Z'),
      reason: '忘了签到签退',
      as: 'committee',
    });
    const s = foldEvents(log.events);
    expect(awardSuggestions(s.points, s.rosters).map((x) => [x.memberId, x.units])).toEqual([
      ['res1', 2],
      ['res3', 2],
    ]);
  });

  it('nothing is suggested without a rule of that kind in force on the day', () => {
    const log = dutyLog();
    log.add('points.rule.defined', 'comm1', { name: '值班一小时', points: 10, kind: 'duty_hour', from: '2024-05-11' });
    const s = foldEvents(log.events);
    expect(awardSuggestions(s.points, s.rosters)).toEqual([]);
  });

  it('an award naming the duty and member takes the suggestion away, even after a correction', () => {
    const log = dutyLog(true);
    const award = log.add('points.awarded', 'comm2', {
      memberId: 'res1',
      ruleId: 'r1',
      units: 2,
      dutyId: 'duty1',
      reason: '值班一小时',
    });
    let s = foldEvents(log.events);
    expect(awardSuggestions(s.points, s.rosters)).toEqual([]);
    expect(s.points.accounts.res1?.balance).toBe(20);
    log.add('points.corrected', 'comm2', { targetEventId: award.id, reason: '记错了人' });
    s = foldEvents(log.events);
    expect(awardSuggestions(s.points, s.rosters)).toEqual([]);
    expect(s.points.accounts.res1?.balance).toBe(0);
  });

  it('one shift awarded on two committee phones offline counts once, in either order; after a correction it may be awarded again', () => {
    const log = dutyLog(true);
    const fields = { memberId: 'res1', ruleId: 'r1', units: 2, dutyId: 'duty1', reason: '值班一小时' };
    const a = log.add('points.awarded', 'comm1', fields);
    const b = log.add('points.awarded', 'comm2', fields);
    const head = log.events.slice(0, -2);
    for (const events of [log.events, [...head, b, a]]) {
      const s = foldEvents(events);
      expect(s.points.accounts.res1?.balance).toBe(20);
      // The later by (at, id) counts for nothing, wherever the log holds it.
      const flagged = s.points.accounts.res1?.history.filter((h) => h.alreadyAwarded).map((h) => h.eventId);
      expect(flagged).toEqual([b.id]);
      expect(s.anomalies).toEqual([]);
    }
    const first = foldEvents(log.events).points.accounts.res1?.history.find((h) => h.kind === 'award');
    log.add('points.corrected', 'comm1', { targetEventId: first?.eventId ?? '', reason: '小时数记错了' });
    log.add('points.awarded', 'comm1', { ...fields, units: 3 });
    expect(foldEvents(log.events).points.accounts.res1?.balance).toBe(30);
  });

  it('each member at a meeting is suggested the meeting rule once, until awarded', () => {
    const log = new TestLog();
    log.add('meeting.scheduled', 'comm1', {
      meetingId: 'mtg1',
      kind: 'owners-assembly',
      startsAt: Date.parse('2024-05-12T02:00:00Z'),
      place: '活动室',
    });
    log.add(
      'points.rule.defined',
      'comm1',
      { name: '参加业主大会', points: 5, kind: 'meeting', from: '2024-05-01' },
      'r3',
    );
    const attendance = [{ meetingId: 'mtg1', day: '2024-05-12', memberIds: ['res1', 'res2', 'res1'] }];
    let s = foldEvents(log.events);
    expect(awardSuggestions(s.points, s.rosters, attendance).map((a) => [a.memberId, a.points])).toEqual([
      ['res1', 5],
      ['res2', 5],
    ]);
    log.add('points.awarded', 'comm1', { memberId: 'res2', ruleId: 'r3', meetingId: 'mtg1', reason: '参加业主大会' });
    s = foldEvents(log.events);
    expect(s.anomalies).toEqual([]);
    expect(awardSuggestions(s.points, s.rosters, attendance).map((a) => a.memberId)).toEqual(['res1']);
  });
});

describe('meetings whose attendance is read for suggestions', () => {
  it('are the held ones of the last 60 days with a meeting rule in force on their day', () => {
    const log = new TestLog();
    const day = (d: string) => Date.parse(`${d}T02:00:00Z`);
    log.add('points.rule.defined', 'comm1', { name: '参加会议', points: 5, kind: 'meeting', from: '2024-03-01' });
    for (const [id, d] of [
      ['old', '2024-02-20'],
      ['held', '2024-04-10'],
      ['cancel', '2024-04-12'],
      ['soon', '2024-05-20'],
      ['long', '2024-03-10'],
    ] as const)
      log.add('meeting.scheduled', 'comm1', { meetingId: id, kind: 'council', startsAt: day(d), place: '活动室' });
    log.add('meeting.cancelled', 'comm1', { meetingId: 'cancel', reason: '下雨' });
    const s = foldEvents(log.events);
    expect(meetingsToAward(s.points, s.meetings.meetings, day('2024-05-06'))).toEqual(['held', 'long']);
    expect(meetingsToAward(s.points, s.meetings.meetings, day('2024-05-10'))).toEqual(['held']);
  });
});

describe('a member’s points', () => {
  it('history is newest first and says what each correction reversed', () => {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '洗洁精', pricePoints: 30, stock: 5 }, 'soap');
    const a = log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 50, reason: '清理楼道' });
    const r = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'soap', quantity: 1, ticket: 't1' });
    const c = log.add('points.corrected', 'comm1', { targetEventId: r.id, reason: '退货' });
    const s = foldEvents(log.events);
    const lines = historyLines(s.points.accounts.res1);
    expect(lines.map((l) => [l.entry.eventId, l.entry.delta, l.corrected])).toEqual([
      [c.id, 30, false],
      [r.id, -30, true],
      [a.id, 50, false],
    ]);
    expect(lines[0]?.reversed?.goodsId).toBe('soap');
    expect(s.points.accounts.res1?.balance).toBe(50);
    expect([isCorrected(s.points, r.id), isCorrected(s.points, a.id)]).toEqual([true, false]);
    expect(historyLines(undefined)).toEqual([]);
  });

  it('a line can be corrected once: not a correction, not one corrected already, not one unknown', () => {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '洗洁精', pricePoints: 30, stock: 5 }, 'soap');
    const a = log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 50, reason: '清理楼道' });
    const r = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'soap', quantity: 1, ticket: 't1' });
    const c = log.add('points.corrected', 'comm1', { targetEventId: r.id, reason: '退货' });
    const { points } = foldEvents(log.events);
    expect(correctableEntry(points, a.id)?.eventId).toBe(a.id);
    // On a member's own points page, only their lines: another member's, or an unknown member, none.
    expect(correctableEntry(points, a.id, 'res1')?.eventId).toBe(a.id);
    expect(correctableEntry(points, a.id, 'res2')).toBeUndefined();
    expect(correctableEntry(points, a.id, '__proto__')).toBeUndefined();
    expect([correctableEntry(points, r.id), correctableEntry(points, c.id), correctableEntry(points, 'x')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('the same one-time id redeemed twice counts once; the later scan is kept, counting for nothing', () => {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '洗洁精', pricePoints: 30, stock: 5 }, 'soap');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '清理楼道' });
    log.add('points.redeemed', 'counterA', { memberId: 'res1', goodsId: 'soap', quantity: 1, ticket: 't1' });
    const again = log.add('points.redeemed', 'counterB', {
      memberId: 'res1',
      goodsId: 'soap',
      quantity: 1,
      ticket: 't1',
    });
    const s = foldEvents(log.events);
    expect(s.points.accounts.res1?.balance).toBe(70);
    expect(s.points.goods.soap?.stock).toBe(4);
    expect(s.anomalies).toEqual([]);
    expect(historyLines(s.points.accounts.res1)[0]?.entry).toMatchObject({
      eventId: again.id,
      delta: 0,
      ticketUsed: true,
    });
  });

  it('two counters redeeming the last points lists the later one as an overdraft until it is corrected', () => {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 100, stock: 5 }, 'rice');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '志愿服务' });
    log.add('points.redeemed', 'counterA', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 't1' });
    const b = log.add('points.redeemed', 'counterB', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 't2' });
    let s = foldEvents(log.events);
    expect(s.points.accounts.res1?.balance).toBe(-100);
    expect(overdrafts(s.points).map((o) => [o.memberId, o.entry.eventId, o.balance])).toEqual([['res1', b.id, -100]]);
    log.add('points.corrected', 'comm1', { targetEventId: b.id, reason: '重复兑换，已收回大米' });
    s = foldEvents(log.events);
    expect(overdrafts(s.points)).toEqual([]);
    expect(s.points.accounts.res1?.balance).toBe(0);
  });
});

describe('awards suggested for accepted snap reports', () => {
  it('suggests the snap-report rule for each accepted report once, and nothing after it is awarded', () => {
    const log = new TestLog();
    log.add(
      'points.rule.defined',
      'comm1',
      { name: '随手拍被受理', points: 5, kind: 'snap_report', from: '2024-01-01' },
      'r1',
    );
    log.add('request.raised', 'res1', { title: '路灯不亮', category: 'lighting', snap: true }, 'q1');
    const reports = [
      { requestId: 'q1', memberId: 'res1', acceptedAt: Date.parse('2024-05-10T02:00:00Z') },
      // Accepted before the rule took effect: nothing to suggest.
      { requestId: 'q0', memberId: 'res2', acceptedAt: Date.parse('2023-12-30T02:00:00Z') },
    ];
    const suggest = () => awardSuggestions(foldEvents(log.events).points, foldEvents(log.events).rosters, [], reports);
    expect(suggest().map((s) => [s.memberId, s.source, s.points, s.day])).toEqual([
      ['res1', { kind: 'request', id: 'q1' }, 5, '2024-05-10'],
    ]);
    log.add('points.awarded', 'comm1', { memberId: 'res1', ruleId: 'r1', reason: '随手拍被受理', requestId: 'q1' });
    expect(suggest()).toEqual([]);
  });
});

describe('codes scanned at two counters, for the committee to count the shelf', () => {
  /** 李叔's code for soap scanned at counter A, then at counter B offline, with another code scanned once. */
  function twoCounters() {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '洗洁精', pricePoints: 10, stock: 3 }, 'soap');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 30, reason: '志愿服务' });
    const once = { memberId: 'res1', goodsId: 'soap', quantity: 1, ticket: 't0' };
    log.add('points.redeemed', 'counterA', once);
    const code = { memberId: 'res1', goodsId: 'soap', quantity: 2, ticket: 't1' };
    const a = log.add('points.redeemed', 'counterA', code);
    const b = log.add('points.redeemed', 'counterB', code);
    return { log, a, b };
  }

  it('lists a code scanned twice once, with both scans oldest first, and not a code scanned once', () => {
    const { log, a, b } = twoCounters();
    const s = foldEvents(log.events);
    const list = scannedTwice(s.points, b.at + 60_000);
    expect(list.map((x) => [x.memberId, x.goodsId, x.quantity, x.ticket])).toEqual([['res1', 'soap', 2, 't1']]);
    expect(list[0]?.scans.map((h) => [h.eventId, h.by, h.delta, h.ticketUsed])).toEqual([
      [a.id, 'counterA', -20, false],
      [b.id, 'counterB', 0, true],
    ]);
    // The points and the stock moved once: only the shelf can say if both counters gave the goods.
    expect(s.points.accounts.res1?.balance).toBe(0);
    expect(s.points.goods.soap?.stock).toBe(0);
  });

  it('lists the code whichever order the log holds the scans in', () => {
    const { log, a, b } = twoCounters();
    const swapped = [...log.events.slice(0, -2), b, a];
    const s = foldEvents(swapped);
    expect(scannedTwice(s.points, b.at).map((x) => x.scans.map((h) => h.eventId))).toEqual([[a.id, b.id]]);
  });

  it('drops the code once its goods are counted after its last scan, not for a count before it', () => {
    const { log, b } = twoCounters();
    const before = {
      id: 'count0',
      type: 'points.goods.counted',
      at: b.at - 1,
      by: 'comm1',
      goodsId: 'soap',
      counted: 0,
      expected: 0,
    } as const;
    expect(scannedTwice(foldEvents([...log.events, before]).points, b.at)).toHaveLength(1);
    const count = log.add('points.goods.counted', 'comm1', { goodsId: 'soap', counted: 0, expected: 0 });
    const s = foldEvents(log.events);
    expect(scannedTwice(s.points, count.at)).toEqual([]);
    // A few minutes ahead of the app's clock (it ticks once a minute) is now; hours ahead, not yet.
    expect(scannedTwice(s.points, count.at - 5 * 60_000)).toEqual([]);
    expect(scannedTwice(s.points, count.at - 5 * 60_000 - 1)).toHaveLength(1);
    expect(s.points.goods.soap?.stock).toBe(0);
  });

  it('drops the code 30 days after its last scan', () => {
    const { log, b } = twoCounters();
    const s = foldEvents(log.events);
    expect(scannedTwice(s.points, b.at + 30 * 86_400_000 - 1)).toHaveLength(1);
    expect(scannedTwice(s.points, b.at + 30 * 86_400_000)).toEqual([]);
  });

  it("names the other counter's scan as holding the code of a scan that counts for nothing", () => {
    const { log, a, b } = twoCounters();
    const s = foldEvents(log.events);
    const acct = s.points.accounts.res1;
    const line = (id: string) => acct?.history.find((h) => h.eventId === id);
    expect(ticketHolder(acct, line(b.id) as NonNullable<ReturnType<typeof line>>)?.eventId).toBe(a.id);
    // The scan that counts is held by nobody else.
    expect(ticketHolder(acct, line(a.id) as NonNullable<ReturnType<typeof line>>)).toBeUndefined();
  });

  it("finds a code's redemption by its one-time id, the earliest scan of two, for the member's open QR", () => {
    const { log, a } = twoCounters();
    const acct = foldEvents(log.events).points.accounts.res1;
    expect(ticketRedemption(acct, 't1')).toMatchObject({ eventId: a.id, goodsId: 'soap', quantity: 2 });
    expect(ticketRedemption(acct, 't0')?.goodsId).toBe('soap');
    // A code not scanned yet, or no account yet: the QR stays.
    expect(ticketRedemption(acct, 't2')).toBeUndefined();
    expect(ticketRedemption(undefined, 't1')).toBeUndefined();
    // A correction names its line, not the code: it is not taken for the redemption.
    log.add('points.corrected', 'comm1', { targetEventId: a.id, reason: '柜台一扫错了' });
    expect(ticketRedemption(foldEvents(log.events).points.accounts.res1, 't1')?.eventId).toBe(a.id);
  });

  it('names the later scan as holding the code once the earlier is corrected', () => {
    const { log, a, b } = twoCounters();
    log.add('points.corrected', 'comm1', { targetEventId: a.id, reason: '柜台一扫错了' });
    const s = foldEvents(log.events);
    const acct = s.points.accounts.res1;
    for (const h of acct?.history ?? []) expect(ticketHolder(acct, h)).toBeUndefined();
    // Still listed: the shelf is what tells whether the goods left twice.
    expect(scannedTwice(s.points, b.at).map((x) => x.scans.map((h) => h.eventId))).toEqual([[a.id, b.id]]);
  });
});
