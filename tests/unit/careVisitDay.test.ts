import { describe, expect, it } from 'vitest';
import { RuleCode, RuleError } from '../../shared/errors.ts';
import { MAX_VISIT_DAYS_BACK } from '../../shared/events/care.ts';
import { parseEvent } from '../../shared/events/index.ts';
import { careRow, careStatus, foldEvents, visitHistory } from '../../shared/folds/index.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { addDays } from '../../shared/time.ts';
import { careHousehold } from './support/careLog.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';

// 00:30 on 1 June 2024 in Asia/Shanghai, still 31 May in UTC: days are Shanghai's.
const at = Date.parse('2024-05-31T16:30:00Z');
const visit = (extra: Record<string, unknown> = {}) => ({
  id: 'v1',
  type: 'care.visit.logged',
  at,
  by: community.memberId,
  householdId: 'h1',
  note: '精神不错',
  ...extra,
});

/** What the relay's permission check says of a visit: 'ok', the schema's refusal or the rule broken. */
function verdict(json: unknown): string {
  try {
    checkEvent(json, community, 'committee');
    return 'ok';
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const r = error.refusal;
    return 'rule' in r ? r.rule.code : r.reason;
  }
}

describe('the day of a visit written down later', () => {
  it('is a calendar day "YYYY-MM-DD" in the schema, and may be left out', () => {
    expect(parseEvent(visit({ day: '2024-05-30' }))).toMatchObject({ ok: true });
    expect(parseEvent(visit())).toMatchObject({ ok: true });
    for (const day of ['2024-5-30', '2024/05/30', '2024-02-30', '昨天', 20240530, ''])
      expect(parseEvent(visit({ day })), String(day)).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('is refused after the day it was written (Asia/Shanghai), and taken on that day', () => {
    expect(verdict(visit({ day: '2024-06-02' }))).toBe(RuleCode.VisitDayAhead);
    expect(verdict(visit({ day: '2024-06-01' }))).toBe('ok');
  });

  it('is taken 31 days back and refused 32 days back', () => {
    expect(MAX_VISIT_DAYS_BACK).toBe(31);
    expect(verdict(visit({ day: addDays('2024-06-01', -31) }))).toBe('ok');
    expect(addDays('2024-06-01', -31)).toBe('2024-05-01');
    expect(verdict(visit({ day: '2024-04-30' }))).toBe(RuleCode.VisitDayTooOld);
  });

  it('without a day, is the day it was written, as every visit logged before days were', () => {
    expect(verdict(visit())).toBe('ok');
    const log = careHousehold();
    log.at = at;
    log.add('care.visit.logged', 'own1', { householdId: 'h1', note: '好' });
    expect(foldEvents(log.events).care.households.h1?.visits.map((v) => v.day)).toEqual(['2024-06-01']);
  });

  it('counts for the last visit and the next due day, not the day it was written', () => {
    const log = careHousehold(); // weekly, registered 6 May 2024
    log.at = Date.parse('2024-05-20T02:00:00Z');
    log.add('care.visit.logged', 'own1', { householdId: 'h1', note: '周五去的', day: '2024-05-17' });
    const h = foldEvents(log.events).care.households.h1;
    if (!h) throw new Error('no household');
    expect(careStatus(h, log.at)).toEqual({
      lastVisitedOn: '2024-05-17',
      nextDueDay: '2024-05-24',
      overdue: false,
      missed: 0,
    });
    // Overdue a week after the visit's day, not a week after it was written down.
    expect(careStatus(h, Date.parse('2024-05-24T16:30:00Z'))).toMatchObject({ overdue: true });
  });

  it('before the household was registered, still makes the last visit', () => {
    const log = careHousehold(); // registered 6 May 2024
    log.add('care.visit.logged', 'own1', { householdId: 'h1', note: '登记前一天去的', day: '2024-05-05' });
    const h = foldEvents(log.events).care.households.h1;
    if (!h) throw new Error('no household');
    expect(careStatus(h, log.at)).toMatchObject({ lastVisitedOn: '2024-05-05', nextDueDay: '2024-05-12' });
  });
});

describe('two visits logged offline on two phones', () => {
  /** One visit written later but made earlier (a), one written earlier and made later (b). */
  function twoVisits(bDay: string) {
    const log = careHousehold();
    const base = [...log.events];
    log.at = Date.parse('2024-05-10T02:00:00Z');
    const b = log.add('care.visit.logged', 'comm1', { householdId: 'h1', note: '送了米', day: bDay });
    const a = log.add('care.visit.logged', 'own1', { householdId: 'h1', note: '前天去的', day: '2024-05-08' });
    return everyMergeOrder(
      base,
      [
        { events: [a], member: owners },
        { events: [b], member: community },
      ],
      'committee',
    ).map(({ state }) => {
      const h = state.care.households.h1;
      if (!h) throw new Error('no household');
      const row = careRow(h, log.at);
      return {
        visits: h.visits.map((v) => v.note),
        last: row.lastVisit?.note,
        lastVisitedOn: row.status.lastVisitedOn,
        nextDueDay: row.status.nextDueDay,
      };
    });
  }

  it('give the latest day as the last visit in either order', () => {
    const results = twoVisits('2024-05-09');
    expect(results).toHaveLength(2);
    for (const r of results)
      expect(r).toEqual({
        visits: ['前天去的', '送了米'],
        last: '送了米',
        lastVisitedOn: '2024-05-09',
        nextDueDay: '2024-05-16',
      });
  });

  it('on the same day, give the later by (at, id) in either order', () => {
    const results = twoVisits('2024-05-08');
    for (const r of results)
      expect(r).toEqual({
        visits: ['送了米', '前天去的'],
        last: '前天去的',
        lastVisitedOn: '2024-05-08',
        nextDueDay: '2024-05-15',
      });
  });
});

describe('a household visit history', () => {
  it('is newest first by day, grouped by month, the latest ones and a count of the earlier', () => {
    const log = careHousehold();
    // Twelve weekly visits from 6 May to 22 July 2024, written on their day; the 15 July one a day late.
    log.at = Date.parse('2024-07-23T02:00:00Z');
    for (let i = 11; i >= 0; i--) {
      const day = addDays('2024-05-06', i * 7);
      log.add('care.visit.logged', 'own1', { householdId: 'h1', note: `第${i + 1}次`, day });
    }
    const h = foldEvents(log.events).care.households.h1;
    if (!h) throw new Error('no household');
    const first = visitHistory(h, 10);
    expect(first.earlier).toBe(2);
    expect(first.months.map((m) => [m.month, m.visits.map((v) => v.day)])).toEqual([
      ['2024-07', ['2024-07-22', '2024-07-15', '2024-07-08', '2024-07-01']],
      ['2024-06', ['2024-06-24', '2024-06-17', '2024-06-10', '2024-06-03']],
      ['2024-05', ['2024-05-27', '2024-05-20']],
    ]);
    const all = visitHistory(h, 30);
    expect(all.earlier).toBe(0);
    expect(all.months.at(-1)?.visits.map((v) => v.note)).toEqual(['第4次', '第3次', '第2次', '第1次']);
  });
});
