import { describe, expect, it } from 'vitest';
import { overfullByDuty } from '../../client/features/volunteers/selectors.ts';
import { foldEvents, memberSignup } from '../../shared/folds/index.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { resident, resident2, resident3 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog, overfullDuty } from './support/rosterLog.ts';

/**
 * The lead (res3 leads t1) or a committee member settles an over-full duty by moving a volunteer to
 * standby (候补): no place, no over-full note, yet they may check in, and their time counts.
 */

const standby = (memberId: string, as: 'lead' | 'committee' = 'lead') => ({
  dutyId: 'd1',
  teamId: 't1',
  memberId,
  as,
});

/** A standby and its undoing (取消候补), each written as lead. */
const leadSteps = ['roster.standby', 'roster.standby.undone'] as const;

describe('a standby', () => {
  it('takes the over-full volunteer out of the note and the places, and leaves them checking in', () => {
    const log = overfullDuty();
    log.add('roster.standby', 'res3', standby('res2'));
    log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.at += 59 * 60_000;
    log.add('roster.checked-out', 'res2', { dutyId: 'd1', memberId: 'res2', minutes: 60 });
    const s = foldEvents(log.events);
    const duty = s.rosters.duties.d1;
    expect(Object.keys(duty?.signups ?? {})).toEqual(['res1']);
    expect(duty?.overfull).toEqual({});
    expect(Object.keys(duty?.standby ?? {})).toEqual(['res2']);
    expect(duty && memberSignup(duty, 'res2')?.as).toBe('standby');
    expect(overfullByDuty(s.rosters).size).toBe(0);
    expect(s.rosters.minutesByMember).toEqual({ res2: 60 });
    expect(s.anomalies).toEqual([]);
  });

  it('comes out the same beside a withdrawal and a check-in made offline, in every merge order', () => {
    const log = overfullDuty();
    const base = [...log.events];
    const lead = [log.add('roster.standby', 'res3', standby('res2'))];
    const left = [log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' })];
    const came = [log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2', offline: true })];
    const results = everyMergeOrder(base, [
      { events: lead, member: resident3 },
      { events: left, member: resident },
      { events: came, member: resident2 },
    ]).map(({ state }) => ({ duty: state.rosters.duties.d1, anomalies: state.anomalies }));
    for (const r of results) {
      expect(r).toEqual(results[0]);
      // The lead's choice stands: res2 waits as standby (checked in), the place res1 gave back is free.
      expect(r.duty?.signups).toEqual({});
      expect(Object.keys(r.duty?.standby ?? {})).toEqual(['res2']);
      expect(r.duty?.standby?.res2?.checkedInAt).not.toBeNull();
      expect(r.duty?.freeSlots).toBe(1);
      expect(r.anomalies).toEqual([]);
    }
  });

  it('ends when the volunteer withdraws and signs up afresh', () => {
    const log = overfullDuty();
    log.add('roster.standby', 'comm1', standby('res2', 'committee'));
    log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.withdrew', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const duty = foldEvents(log.events).rosters.duties.d1;
    expect(Object.keys(duty?.signups ?? {})).toEqual(['res2']);
    expect(duty?.standby).toEqual({});
  });

  it.each(leadSteps)('%s made as lead by someone who never led the team is ignored and flagged', (type) => {
    const log = overfullDuty();
    const e = log.add(type, 'res1', standby('res2'));
    const s = foldEvents(log.events);
    expect(Object.keys(s.rosters.duties.d1?.overfull ?? {})).toEqual(['res2']);
    expect(s.anomalies).toEqual([expect.objectContaining({ eventId: e.id, reason: { code: 'not_lead' } })]);
  });
});

describe('the relay, after a standby freed a place', () => {
  it('takes a sign-up for that place', () => {
    const log = dutyLog(1);
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.standby', 'comm1', standby('res1', 'committee'));
    const { phone, send, events } = relayCopy(log.events);
    const joiner = phone(10);
    const mine = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    joiner.getArray('events').push([mine]);
    expect(() => send(joiner, [mine], resident2)).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.signups ?? {})).toEqual(['res2']);
  });

  it('counts places as the fold does: a repeat sign-up stamped after the standby holds none either', () => {
    // res2 was made standby; a second phone's repeat sign-up, stamped after it, is kept but the
    // earliest sign-up still holds (and is standby). res1 withdraws: every phone shows the place free.
    const log = overfullDuty();
    log.add('roster.standby', 'res3', standby('res2'));
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' });
    expect(foldEvents(log.events).rosters.duties.d1?.freeSlots).toBe(1);
    const { phone, send, events } = relayCopy(log.events);
    const joiner = phone(10);
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    joiner.getArray('events').push([mine]);
    expect(() => send(joiner, [mine], { ...resident3, memberId: 'res4' })).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.signups ?? {})).toEqual(['res4']);
  });

  it.each(leadSteps)('refuses a lead’s %s whose author saw the lead handed to someone else', (type) => {
    const log = overfullDuty();
    log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res1' });
    const { phone, send } = relayCopy(log.events);
    const stale = phone(10);
    const e = log.add(type, 'res3', standby('res2'));
    stale.getArray('events').push([e]);
    expect(() => send(stale, [e], resident3)).toThrow(/not_lead/);
  });
});
