import { describe, expect, it } from 'vitest';
import { overfullByDuty } from '../../client/features/volunteers/selectors.ts';
import { foldEvents, memberSignup } from '../../shared/folds/index.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, resident, resident3 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog, overfullDuty } from './support/rosterLog.ts';

/**
 * The lead (res3 leads t1) or a committee member takes a standby back (取消候补): the volunteer's
 * sign-up ranks for a place again, as if the standby had not been set.
 */

const d1 = { dutyId: 'd1', teamId: 't1' };
const as = (memberId: string, by: 'lead' | 'committee' = 'lead') => ({ ...d1, memberId, as: by });

/** Duty d1 with one place, taken by res1; res2's sign-up was over-full and set to standby by the lead. */
function standbyDuty() {
  const log = overfullDuty();
  log.add('roster.standby', 'res3', as('res2'));
  return log;
}

describe('a standby taken back', () => {
  it('puts the volunteer back among the over-full while the place is taken, and no anomaly is left', () => {
    const log = standbyDuty();
    log.add('roster.standby.undone', 'comm1', as('res2', 'committee'));
    const s = foldEvents(log.events);
    const duty = s.rosters.duties.d1!;
    expect(Object.keys(duty.signups)).toEqual(['res1']);
    expect(Object.keys(duty.overfull)).toEqual(['res2']);
    expect(duty.standby).toEqual({});
    expect(overfullByDuty(s.rosters).get('d1')).toEqual(['res2']);
    expect(s.anomalies).toEqual([]);
  });

  it('gives the volunteer a place a withdrawal freed', () => {
    const log = standbyDuty();
    log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' });
    expect(foldEvents(log.events).rosters.duties.d1?.freeSlots).toBe(1);
    log.add('roster.standby.undone', 'res3', as('res2'));
    const duty = foldEvents(log.events).rosters.duties.d1!;
    expect(Object.keys(duty.signups)).toEqual(['res2']);
    expect(duty.freeSlots).toBe(0);
    expect(memberSignup(duty, 'res2')?.as).toBe('in');
  });

  it('or set again: the later of the two by (at, id) holds, wherever the log holds them', () => {
    const log = standbyDuty();
    log.at += 10 * 60_000;
    log.add('roster.standby.undone', 'res3', as('res2'));
    // A committee phone whose clock is behind sets standby again: stamped before the undoing, logged after.
    log.at -= 5 * 60_000;
    const again = log.add('roster.standby', 'comm1', as('res2', 'committee'));
    expect(Object.keys(foldEvents(log.events).rosters.duties.d1?.overfull ?? {})).toEqual(['res2']);
    log.at = again.at + 10 * 60_000;
    log.add('roster.standby', 'comm1', as('res2', 'committee'));
    expect(Object.keys(foldEvents(log.events).rosters.duties.d1?.standby ?? {})).toEqual(['res2']);
  });

  it('comes out the same beside a withdrawal and a check-in made offline, in every merge order', () => {
    const log = standbyDuty();
    const base = [...log.events];
    const lead = [log.add('roster.standby.undone', 'res3', as('res2'))];
    const left = [log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' })];
    const came = [log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2', offline: true })];
    const results = everyMergeOrder(base, [
      { events: lead, member: resident3 },
      { events: left, member: resident },
      { events: came, member: { ...resident, memberId: 'res2' } },
    ]).map(({ state }) => ({ duty: state.rosters.duties.d1, anomalies: state.anomalies }));
    for (const r of results) {
      expect(r).toEqual(results[0]);
      expect(Object.keys(r.duty?.signups ?? {})).toEqual(['res2']);
      expect(r.duty?.signups.res2?.checkedInAt).not.toBeNull();
      expect(r.duty?.standby).toEqual({});
      expect(r.anomalies).toEqual([]);
    }
  });
});

describe('the relay, after a standby was taken back', () => {
  it('counts the volunteer’s place again, as the fold does: a sign-up whose author saw it is refused', () => {
    // Two places: res1 and res2 (standby) signed up, then res2 taken off standby: the duty is full.
    const log = dutyLog(2);
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.standby', 'comm1', as('res2', 'committee'));
    log.add('roster.standby.undone', 'comm1', as('res2', 'committee'));
    const { phone, send, events } = relayCopy(log.events);
    expect(foldEvents(events()).rosters.duties.d1?.freeSlots).toBe(0);
    const full = phone(10);
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    full.getArray('events').push([mine]);
    expect(() => send(full, [mine], { ...resident3, memberId: 'res4' })).toThrow(/no_free_slot/);
  });

  it('takes a sign-up for a place whose author saw the standby but not its undoing (made offline meanwhile)', () => {
    const log = dutyLog(2);
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.standby', 'comm1', as('res2', 'committee'));
    const { phone, send, events } = relayCopy(log.events);
    const [lead, joiner] = [phone(10), phone(20)];
    const undo = log.add('roster.standby.undone', 'comm1', as('res2', 'committee'));
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    lead.getArray('events').push([undo]);
    joiner.getArray('events').push([mine]);
    send(lead, [undo], community);
    expect(() => send(joiner, [mine], { ...resident3, memberId: 'res4' })).not.toThrow();
    // Both kept: res2 ranks first, res4 waits over-full for the lead.
    const duty = foldEvents(events()).rosters.duties.d1!;
    expect(Object.keys(duty.signups).sort()).toEqual(['res1', 'res2']);
    expect(Object.keys(duty.overfull)).toEqual(['res4']);
  });
});
