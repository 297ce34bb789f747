import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { dutyHours, mostHoursSuggested } from '../../shared/folds/pointsHours.ts';
import { community, resident3 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog } from './support/rosterLog.ts';
import type { TestLog } from './support/TestLog.ts';

/**
 * A committee member's award to themself names a rule and its source (by hand it is refused as
 * `award_to_self`). Before, naming any duty, meeting or request was enough: a rule of kind other,
 * 100 units and someone's request gave 100,000 points. The relay now holds it to a suggestion its
 * phone could have shown: the rule's kind matches the source, the source is the member's, and the
 * units are no more than served.
 */

const me = community.memberId;

/** Duty d1 (08:00-10:00), rules of every kind, a meeting, and comm1 signed up for d1 and checked in. */
function setup(): TestLog {
  const log = dutyLog(3);
  log.add('points.rule.defined', 'admin1', { name: '志愿值班每小时', points: 10, kind: 'duty_hour' }, 'hour');
  log.add('points.rule.defined', 'admin1', { name: '参加议事会', points: 5, kind: 'meeting' }, 'mtg');
  log.add('points.rule.defined', 'admin1', { name: '随手拍', points: 5, kind: 'snap_report' }, 'snap');
  log.add('points.rule.defined', 'admin1', { name: '特别贡献', points: 1000, kind: 'other' }, 'big');
  log.add(
    'meeting.scheduled',
    'admin1',
    { meetingId: 'm1', kind: 'little-stool', startsAt: log.at, place: '3号楼下' },
    'mtg-ev',
  );
  log.add('request.raised', me, { title: '路灯坏了', category: 'lighting' }, 'plain');
  log.add('request.raised', me, { title: '井盖松了', category: 'roads', snap: true }, 'mine');
  log.add('request.raised', 'res1', { title: '垃圾满了', category: 'other', snap: true }, 'theirs');
  log.add('roster.signed-up', me, { dutyId: 'd1', memberId: me });
  log.add('roster.checked-in', me, { dutyId: 'd1', memberId: me });
  return log;
}

const served = (log: TestLog, minutes: number) =>
  log.add('roster.checked-out', me, { dutyId: 'd1', memberId: me, minutes });

const correction = (log: TestLog, minutes: number) =>
  log.add('roster.attendance.corrected', resident3.memberId, {
    dutyId: 'd1',
    teamId: 't1',
    memberId: me,
    checkedInAt: log.at - minutes * 60_000,
    checkedOutAt: log.at,
    reason: '按签到表',
    as: 'lead',
  });

type Award = { ruleId: string; units?: number; dutyId?: string; meetingId?: string; requestId?: string };

/** What the relay says of comm1's award to themself written on a phone holding `log` as it stands. */
function judge(log: TestLog, award: Award): string {
  const { phone, send } = relayCopy(log.events);
  const doc = phone(10);
  const e = log.add('points.awarded', me, { memberId: me, reason: '自己确认', ...award });
  doc.getArray('events').push([e]);
  try {
    send(doc, [e], community);
    return 'kept';
  } catch (error) {
    return String((error as Error).message).replace(/^.*: /, '');
  } finally {
    // Judged alone: the next award is written on a phone that never held this one.
    log.events.pop();
  }
}

describe('an award a committee member gives themself by a rule', () => {
  it('under a rule of kind other naming a request is refused: the reviewer’s 100,000 points', () => {
    expect(judge(setup(), { ruleId: 'big', units: 100, requestId: 'plain' })).toBe('source_kind');
  });

  it('under a rule rewarding another kind than the source it names, or naming two sources, is refused', () => {
    const log = setup();
    served(log, 120);
    expect(judge(log, { ruleId: 'hour', meetingId: 'm1' })).toBe('source_kind');
    expect(judge(log, { ruleId: 'mtg', dutyId: 'd1' })).toBe('source_kind');
    expect(judge(log, { ruleId: 'snap', dutyId: 'd1' })).toBe('source_kind');
    expect(judge(log, { ruleId: 'big', dutyId: 'd1' })).toBe('source_kind');
    expect(judge(log, { ruleId: 'hour', dutyId: 'd1', requestId: 'mine' })).toBe('source_kind');
  });

  it('for a snap report is kept only for one the member raised, once', () => {
    const log = setup();
    expect(judge(log, { ruleId: 'snap', requestId: 'mine' })).toBe('kept');
    expect(judge(log, { ruleId: 'snap', requestId: 'theirs' })).toBe('not_own_source');
    expect(judge(log, { ruleId: 'snap', requestId: 'plain' })).toBe('not_own_source');
    expect(judge(log, { ruleId: 'snap', units: 2, requestId: 'mine' })).toBe('units_over');
  });

  it('for a meeting is kept once, not more', () => {
    const log = setup();
    expect(judge(log, { ruleId: 'mtg', meetingId: 'm1' })).toBe('kept');
    expect(judge(log, { ruleId: 'mtg', units: 2, meetingId: 'm1' })).toBe('units_over');
  });

  it('for a duty is kept for the hours served, refused for more or for a duty not served', () => {
    const log = setup();
    expect(judge(log, { ruleId: 'hour', dutyId: 'd1' })).toBe('not_own_source');
    served(log, 120);
    expect(judge(log, { ruleId: 'hour', units: 2, dutyId: 'd1' })).toBe('kept');
    expect(judge(log, { ruleId: 'hour', units: 3, dutyId: 'd1' })).toBe('units_over');
    expect(judge(log, { ruleId: 'hour', units: 24, dutyId: 'd1' })).toBe('units_over');
  });

  it('for a duty follows a correction of the times its phone held, up or down', () => {
    const log = setup();
    served(log, 120);
    correction(log, 60);
    expect(judge(log, { ruleId: 'hour', dutyId: 'd1' })).toBe('kept');
    expect(judge(log, { ruleId: 'hour', units: 2, dutyId: 'd1' })).toBe('units_over');
    correction(log, 180);
    expect(judge(log, { ruleId: 'hour', units: 3, dutyId: 'd1' })).toBe('kept');
  });

  it('for a duty is kept when a correction its phone had not seen shortened the shift meanwhile', () => {
    const log = setup();
    served(log, 120);
    const { phone, send, events } = relayCopy(log.events);
    const [lead, mine] = [phone(10), phone(20)];
    const fix = correction(log, 60);
    const award = log.add('points.awarded', me, {
      memberId: me,
      ruleId: 'hour',
      units: 2,
      reason: '值班',
      dutyId: 'd1',
    });
    lead.getArray('events').push([fix]);
    mine.getArray('events').push([award]);
    send(lead, [fix], resident3);
    expect(() => send(mine, [award], community)).not.toThrow();
    expect(foldEvents(events()).points.accounts[me]?.balance).toBe(20);
  });

  it('for a duty takes the hours an older phone suggested (the nearest hour), never more', () => {
    // 95 minutes: 1 hour now (an hour from 50 minutes), 2 on a phone from before 2026-12-05.
    expect([dutyHours(95), mostHoursSuggested(95)]).toEqual([1, 2]);
    const log = setup();
    served(log, 95);
    expect(judge(log, { ruleId: 'hour', units: 2, dutyId: 'd1' })).toBe('kept');
    expect(judge(log, { ruleId: 'hour', units: 3, dutyId: 'd1' })).toBe('units_over');
  });

  it('to another member is not this rule’s to judge', () => {
    const log = setup();
    const { phone, send } = relayCopy(log.events);
    const doc = phone(10);
    const e = log.add('points.awarded', me, {
      memberId: 'res1',
      ruleId: 'big',
      units: 3,
      reason: '帮忙',
      requestId: 'plain',
    });
    doc.getArray('events').push([e]);
    expect(() => send(doc, [e], community)).not.toThrow();
  });
});
