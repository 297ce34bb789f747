import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { type CompoundState, foldEvents } from '../../shared/folds/index.ts';
import { careHousehold } from './support/careLog.ts';
import { TestLog } from './support/TestLog.ts';

/** The state as a value: object keys sorted, anomalies by event id. */
function canonical(state: CompoundState): string {
  const anomalies = [...state.anomalies].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  return JSON.stringify({ ...state, anomalies }, (_key, value: unknown) =>
    value === null || typeof value !== 'object' || Array.isArray(value)
      ? value
      : Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

/** The log with the last two events swapped: two changes made offline, merged the other way round. */
function swapLast(events: readonly AppEvent[]): AppEvent[] {
  const out = [...events];
  const [a, b] = [out[out.length - 2] as AppEvent, out[out.length - 1] as AppEvent];
  out.splice(out.length - 2, 2, b, a);
  return out;
}

/** Folds the log in both orders of its last two events; they must agree. Returns the state. */
function bothOrders(log: TestLog): CompoundState {
  const state = foldEvents(log.events);
  expect(canonical(foldEvents(swapLast(log.events)))).toBe(canonical(state));
  return state;
}

const hour = 3_600_000;

describe('settings two phones changed offline keep the later change, whatever order the log holds them in', () => {
  it('attendance: the later correction counts for the shift', () => {
    const log = new TestLog();
    log.add('roster.team.created', 'comm1', { name: '夜间巡逻队', leaderId: 'res1' }, 't1');
    log.add(
      'roster.duty.created',
      'comm1',
      { teamId: 't1', day: '2024-05-31', start: '20:00', end: '23:59', place: '东门', slots: 3 },
      'd1',
    );
    log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const start = Date.parse('2024-05-31T12:00:00Z');
    const fix = { dutyId: 'd1', teamId: 't1', memberId: 'res2', checkedInAt: start, reason: '补录' } as const;
    log.add('roster.attendance.corrected', 'res1', { ...fix, checkedOutAt: start + 3 * hour, as: 'lead' }, 'byLead');
    log.add(
      'roster.attendance.corrected',
      'comm1',
      { ...fix, checkedOutAt: start + hour, as: 'committee' },
      'byCommittee',
    );
    const state = bothOrders(log);
    expect(state.rosters.duties.d1?.signups.res2?.correction?.eventId).toBe('byCommittee');
    expect(state.rosters.minutesByMember.res2).toBe(60);
  });

  it('a team: each field keeps its later edit', () => {
    const log = new TestLog();
    log.add('roster.team.created', 'comm1', { name: '夜间巡逻队', leaderId: 'res1' }, 't1');
    log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res5', name: '巡逻一队' });
    log.add('roster.team.edited', 'comm2', { teamId: 't1', leaderId: 'res6' });
    const team = bothOrders(log).rosters.teams.t1;
    expect(team?.leaderId).toBe('res6');
    expect(team?.name).toBe('巡逻一队');
  });

  it('care: the later reassignment of a household’s visitor', () => {
    const log = careHousehold();
    log.add('care.visitor.assigned', 'comm1', { householdId: 'h1', visitorId: 'comm2' });
    log.add('care.visitor.assigned', 'comm3', { householdId: 'h1', visitorId: 'comm3' });
    expect(bothOrders(log).care.households.h1?.visitorId).toBe('comm3');
  });

  it('a meeting: the later move holds its time and place, and both count as moves', () => {
    const log = new TestLog();
    const meeting = { meetingId: 'm-1', kind: 'three-party', place: '活动室' } as const;
    log.add('meeting.scheduled', 'comm1', { ...meeting, startsAt: Date.parse('2024-06-10T11:00:00Z') });
    log.add('meeting.scheduled', 'comm1', { ...meeting, startsAt: Date.parse('2024-06-11T11:00:00Z') });
    log.add('meeting.scheduled', 'own1', { ...meeting, startsAt: Date.parse('2024-06-12T11:00:00Z'), place: '物业办' });
    const m = bothOrders(log).meetings.meetings['m-1'];
    expect(m).toMatchObject({ startsAt: Date.parse('2024-06-12T11:00:00Z'), place: '物业办', moves: 2 });
  });

  it('a member’s profile: the later registration, by the member or a committee member', () => {
    const log = new TestLog();
    log.add('practice.profile.registered', 'res1', { memberId: 'res1', building: '3号楼', tags: [] });
    log.add('practice.profile.registered', 'comm1', { memberId: 'res1', building: '5号楼', tags: ['building-lead'] });
    expect(bothOrders(log).practice.profiles.res1).toMatchObject({ building: '5号楼', tags: ['building-lead'] });
  });
});
