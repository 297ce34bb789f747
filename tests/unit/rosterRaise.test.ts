import { describe, expect, it } from 'vitest';
import { overfullByDuty, raiseOffer } from '../../client/features/volunteers/selectors.ts';
import { parseEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, resident, resident3 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog, overfullDuty } from './support/rosterLog.ts';

/**
 * 增加名额: the lead (res3 leads t1) or a committee member raises an over-full duty's places, and
 * the over-full take them. Places only grow; the relay counts them as the fold does.
 */

const raise = (slots: number, as: 'lead' | 'committee' = 'lead') => ({ dutyId: 'd1', teamId: 't1', slots, as });
const res4 = { ...resident, memberId: 'res4' };

describe('raising a duty’s places', () => {
  it('seats the over-full, says who raised them from how many, and leaves no over-full note', () => {
    const log = overfullDuty();
    const e = log.add('roster.duty.slots-raised', 'res3', raise(2));
    const s = foldEvents(log.events);
    const duty = s.rosters.duties.d1!;
    expect(duty.slots).toBe(2);
    expect(Object.keys(duty.signups).sort()).toEqual(['res1', 'res2']);
    expect(duty.overfull).toEqual({});
    expect(duty.freeSlots).toBe(0);
    expect(duty.raised).toEqual({ by: 'res3', at: e.at, eventId: e.id, from: 1 });
    expect(overfullByDuty(s.rosters).size).toBe(0);
    expect(s.anomalies).toEqual([]);
  });

  it('by two phones at once to the same number counts once', () => {
    const log = overfullDuty();
    const base = [...log.events];
    const lead = [log.add('roster.duty.slots-raised', 'res3', raise(2))];
    const comm = [log.add('roster.duty.slots-raised', 'comm1', raise(2, 'committee'))];
    const results = everyMergeOrder(base, [
      { events: lead, member: resident3 },
      { events: comm, member: community },
    ]).map(({ state }) => state.rosters.duties.d1);
    for (const duty of results) {
      expect(duty).toEqual(results[0]);
      expect(duty?.slots).toBe(2);
      expect(duty?.freeSlots).toBe(0);
      expect(duty?.raised?.eventId).toBe(lead[0]?.id);
    }
  });

  it('never lowers them: the largest number holds, in every merge order beside a sign-up and a withdrawal', () => {
    const log = overfullDuty();
    const base = [...log.events];
    const more = [log.add('roster.duty.slots-raised', 'comm1', raise(3, 'committee'))];
    const fewer = [log.add('roster.duty.slots-raised', 'res3', raise(2))];
    const left = [log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' })];
    const results = everyMergeOrder(base, [
      { events: more, member: community },
      { events: fewer, member: resident3 },
      { events: left, member: resident },
    ]).map(({ state }) => ({ duty: state.rosters.duties.d1, anomalies: state.anomalies }));
    for (const r of results) {
      expect(r).toEqual(results[0]);
      expect(r.duty?.slots).toBe(3);
      expect(Object.keys(r.duty?.signups ?? {})).toEqual(['res2']);
      expect(r.duty?.freeSlots).toBe(2);
      expect(r.anomalies).toEqual([]);
    }
  });

  it('leaves a standby waiting: only the over-full take the new places', () => {
    const log = dutyLog(1);
    for (const m of ['res1', 'res2', 'res4']) log.add('roster.signed-up', m, { dutyId: 'd1', memberId: m });
    log.add('roster.standby', 'res3', { dutyId: 'd1', teamId: 't1', memberId: 'res4', as: 'lead' });
    log.add('roster.duty.slots-raised', 'res3', raise(2));
    const duty = foldEvents(log.events).rosters.duties.d1!;
    expect(Object.keys(duty.signups).sort()).toEqual(['res1', 'res2']);
    expect(Object.keys(duty.standby ?? {})).toEqual(['res4']);
  });

  it('made as lead by someone who never led the team is ignored and flagged', () => {
    const log = overfullDuty();
    const e = log.add('roster.duty.slots-raised', 'res1', raise(2));
    const s = foldEvents(log.events);
    expect(s.rosters.duties.d1?.slots).toBe(1);
    expect(s.anomalies).toEqual([expect.objectContaining({ eventId: e.id, reason: { code: 'not_lead' } })]);
  });
});

describe('the relay, after the places were raised', () => {
  it('counts them as the fold does: a sign-up whose author saw every new place taken is refused', () => {
    const log = overfullDuty();
    log.add('roster.duty.slots-raised', 'res3', raise(2));
    const { phone, send, events } = relayCopy(log.events);
    const duty = foldEvents(events()).rosters.duties.d1!;
    expect([Object.keys(duty.signups).sort(), duty.freeSlots]).toEqual([['res1', 'res2'], 0]);
    const full = phone(10);
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    full.getArray('events').push([mine]);
    expect(() => send(full, [mine], res4)).toThrow(/no_free_slot/);
  });

  it('takes a sign-up for a place a raise beyond the over-full left free, and seats it', () => {
    const log = overfullDuty();
    log.add('roster.duty.slots-raised', 'comm1', raise(3, 'committee'));
    const { phone, send, events } = relayCopy(log.events);
    const joiner = phone(10);
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    joiner.getArray('events').push([mine]);
    expect(() => send(joiner, [mine], res4)).not.toThrow();
    const duty = foldEvents(events()).rosters.duties.d1!;
    expect(Object.keys(duty.signups).sort()).toEqual(['res1', 'res2', 'res4']);
    expect(duty.overfull).toEqual({});
  });

  it('takes a sign-up whose author saw the duty full but not the raise it holds (a raise permits wherever held)', () => {
    const log = dutyLog(1);
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    const { phone, send, events } = relayCopy(log.events);
    const [lead, walkIn] = [phone(10), phone(20)];
    const up = log.add('roster.duty.slots-raised', 'res3', raise(2));
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    lead.getArray('events').push([up]);
    walkIn.getArray('events').push([mine]);
    send(lead, [up], resident3);
    expect(() => send(walkIn, [mine], res4)).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.signups ?? {}).sort()).toEqual(['res1', 'res4']);
  });

  it('refuses a lead’s raise whose author saw the lead handed on', () => {
    const log = overfullDuty();
    log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res1' });
    const { phone, send } = relayCopy(log.events);
    const stale = phone(10);
    const e = log.add('roster.duty.slots-raised', 'res3', raise(2));
    stale.getArray('events').push([e]);
    expect(() => send(stale, [e], resident3)).toThrow(/not_lead/);
  });

  it('offers no more places than a duty may have (500), and none once it has them', () => {
    // Before, 增加名额 offered the places plus the over-full, past 500: the relay refused the raise.
    const full = (slots: number, signups: number) => {
      const log = dutyLog(slots);
      for (let i = 0; i < signups; i++) log.add('roster.signed-up', `m${i}`, { dutyId: 'd1', memberId: `m${i}` });
      return foldEvents(log.events).rosters.duties.d1!;
    };
    const near = full(499, 502);
    expect(Object.keys(near.overfull)).toHaveLength(3);
    const offer = raiseOffer(near);
    expect(offer).toEqual({ more: 1, to: 500 });
    const event = { id: 'up', type: 'roster.duty.slots-raised', at: 1, by: 'res3', ...raise(offer?.to ?? 0) };
    expect(parseEvent(event).ok).toBe(true);
    expect(raiseOffer(full(500, 501))).toBeUndefined();
    expect(raiseOffer(full(1, 3))).toEqual({ more: 2, to: 3 });
  });
});
