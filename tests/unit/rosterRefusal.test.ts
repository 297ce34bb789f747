import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { community, resident2, resident3 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { servedDuty } from './support/rosterLog.ts';

/**
 * A member who chooses where their event lands (its origin in the Yjs array) must not take a place
 * or cut hours by landing before what they had already seen. The relay judges such a sign-up or
 * lead's correction by what its author surely held (its causal past); the same events written
 * offline at the same time are kept.
 */

const oneMinute = {
  dutyId: 'd1',
  teamId: 't1',
  memberId: 'res1',
  checkedInAt: Date.parse('2024-06-01T00:00:00Z'),
  checkedOutAt: Date.parse('2024-06-01T00:01:00Z'),
  reason: '只来了一分钟',
  as: 'lead' as const,
};

describe('a sign-up whose author saw the duty full', () => {
  it('is refused even when placed before the sign-up of the volunteer who served', () => {
    const log = servedDuty(1);
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const mine = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    // Right after the duty, before res1's sign-up: the fold alone would give res2 the place.
    late.getArray('events').insert(2, [mine]);
    expect(() => send(late, [mine], resident2)).toThrow(/no_free_slot/);
  });

  it('is kept when a withdrawal its author had not seen freed a place', () => {
    const log = servedDuty(2);
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    const { phone, send, events } = relayCopy(log.events);
    const [leaver, joiner] = [phone(10), phone(20)];
    const withdrew = log.add('roster.withdrew', 'res3', { dutyId: 'd1', memberId: 'res3' });
    leaver.getArray('events').push([withdrew]);
    send(leaver, [withdrew], resident3);
    // res2's copy still showed the duty full; the withdrawal had reached the relay first.
    const mine = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    joiner.getArray('events').push([mine]);
    expect(() => send(joiner, [mine], resident2)).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.signups ?? {}).sort()).toEqual(['res1', 'res2']);
  });
});

describe('a sign-up whose author saw an over-full sign-up take a freed place', () => {
  it('is refused: the place was not free on its author’s copy', () => {
    const log = servedDuty(2);
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    log.add('roster.withdrew', 'res2', { dutyId: 'd1', memberId: 'res2' });
    expect(foldEvents(log.events).rosters.duties.d1?.signups.res3).toBeDefined();
    const { phone, send } = relayCopy(log.events);
    const late = phone(30);
    const mine = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' });
    late.getArray('events').push([mine]);
    expect(() => send(late, [mine], { ...resident2, memberId: 'res4' })).toThrow(/no_free_slot/);
  });
});

describe('a correction as lead by a member who saw the lead change away from them', () => {
  it('is refused even when placed before that change', () => {
    const log = servedDuty(2);
    log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res2' }, 'edit');
    const { phone, send } = relayCopy(log.events);
    const former = phone(77);
    const fix = log.add('roster.attendance.corrected', 'res3', oneMinute);
    former.getArray('events').insert(log.events.length - 2, [fix]);
    expect(() => send(former, [fix], resident3)).toThrow(/not_lead/);
  });

  it('is kept when the change of lead was made offline at the same time', () => {
    const log = servedDuty(2);
    const { phone, send } = relayCopy(log.events);
    const [committee, lead] = [phone(10), phone(20)];
    const edit = log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res2' });
    const fix = log.add('roster.attendance.corrected', 'res3', oneMinute);
    committee.getArray('events').push([edit]);
    lead.getArray('events').push([fix]);
    send(committee, [edit], community);
    expect(() => send(lead, [fix], resident3)).not.toThrow();
  });
});

describe('two walk-ins who took the last place offline and both served', () => {
  it('both get their hours in either merge order; the later by (at, id) is over-full, and the lead can correct it', () => {
    for (const order of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = servedDuty(2);
      const { phone, send, events } = relayCopy(log.events);
      // The QR at the door signs up and checks in at once; each checks out two hours later.
      const walkIn = (memberId: string) => {
        const at = log.at;
        const steps: AppEvent[] = [
          log.add('roster.signed-up', memberId, { dutyId: 'd1', memberId }),
          log.add('roster.checked-in', memberId, { dutyId: 'd1', memberId, offline: true }),
        ];
        log.at += 119 * 60_000;
        steps.push(log.add('roster.checked-out', memberId, { dutyId: 'd1', memberId, minutes: 120, offline: true }));
        log.at = at;
        return steps;
      };
      const [a, b] = [walkIn('res2'), walkIn('res3')];
      const [pa, pb] = [phone(order[0]), phone(order[1])];
      pa.getArray('events').push(a);
      pb.getArray('events').push(b);
      send(pa, a, resident2);
      expect(() => send(pb, b, resident3)).not.toThrow();
      const s = foldEvents(events());
      expect(s.rosters.minutesByMember).toEqual({ res1: 120, res2: 120, res3: 120 });
      expect(s.anomalies).toEqual([]);
      // Both walked in the same minute: the larger id waits.
      expect(Object.keys(s.rosters.duties.d1?.overfull ?? {})).toEqual([b[0]!.id > a[0]!.id ? 'res3' : 'res2']);
    }
    // The lead corrects the over-full volunteer's times: they count.
    const log = servedDuty(1);
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.attendance.corrected', 'res3', {
      ...oneMinute,
      memberId: 'res2',
      checkedOutAt: oneMinute.checkedInAt + 90 * 60_000,
    });
    expect(foldEvents(log.events).rosters.minutesByMember).toEqual({ res1: 120, res2: 90 });
  });
});

describe('a duty cancelled on one phone while a volunteer was on shift on another', () => {
  it('counts the time served in either merge order', () => {
    for (const order of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = servedDuty(2);
      log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
      const { phone, send, events } = relayCopy(log.events);
      const cancel = log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd1', reason: '下雨' });
      const shift: AppEvent[] = [
        log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2', offline: true }),
      ];
      log.at += 89 * 60_000;
      shift.push(log.add('roster.checked-out', 'res2', { dutyId: 'd1', memberId: 'res2', minutes: 90, offline: true }));
      const [committee, volunteer] = [phone(order[0]), phone(order[1])];
      committee.getArray('events').push([cancel]);
      volunteer.getArray('events').push(shift);
      send(committee, [cancel], community);
      expect(() => send(volunteer, shift, resident2)).not.toThrow();
      const s = foldEvents(events());
      expect(s.rosters.minutesByMember).toEqual({ res1: 120, res2: 90 });
      expect(s.rosters.duties.d1?.status).toBe('cancelled');
      expect(s.anomalies).toEqual([]);
    }
  });
});
