import { describe, expect, it } from 'vitest';
import { CompoundFold, foldEvents, monthHours } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const at = (iso: string) => Date.parse(iso);

/** A night patrol on 31 May (Asia/Shanghai) led by res1, with res2 checked in and out by phone. */
function nightShift() {
  const log = new TestLog();
  log.add('roster.team.created', 'comm1', { name: '夜间巡逻队', leaderId: 'res1' }, 't1');
  log.add(
    'roster.duty.created',
    'comm1',
    { teamId: 't1', day: '2024-05-31', start: '22:00', end: '23:59', place: '东门', slots: 3 },
    'd1',
  );
  log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
  // TestLog stamps each event a minute after `at`: in at 22:00, out at 22:30.
  log.at = at('2024-05-31T13:59:00Z');
  log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2', offline: true });
  log.at = at('2024-05-31T14:29:00Z');
  log.add('roster.checked-out', 'res2', { dutyId: 'd1', memberId: 'res2', minutes: 29 });
  return log;
}

const correction = {
  dutyId: 'd1',
  teamId: 't1',
  memberId: 'res2',
  // 22:00 to 01:30 the next morning, Asia/Shanghai.
  checkedInAt: at('2024-05-31T14:00:00Z'),
  checkedOutAt: at('2024-05-31T17:30:00Z'),
  reason: '忘了签退，巡到一点半',
} as const;

describe('corrections of check-in times', () => {
  it('counts the lead’s corrected times across midnight in the duty’s month and keeps the phone’s times', () => {
    const log = nightShift();
    log.add('roster.attendance.corrected', 'res1', { ...correction, as: 'lead' }, 'c1');
    const state = foldEvents(log.events);
    const signup = state.rosters.duties.d1?.signups.res2;
    expect(signup).toMatchObject({
      checkedInAt: at('2024-05-31T14:00:00Z'),
      checkedOutAt: at('2024-05-31T14:30:00Z'),
      minutes: 210,
      phoneTime: true,
      correction: { eventId: 'c1', by: 'res1', as: 'lead', reason: '忘了签退，巡到一点半' },
    });
    expect(state.rosters.minutesByMember).toEqual({ res2: 210 });
    expect(monthHours(state.rosters, '2024-05').byMember).toEqual({ res2: 210 });
    expect(monthHours(state.rosters, '2024-06').byMember).toEqual({});
  });

  it('ignores a correction made as lead by someone who does not lead the team', () => {
    const log = nightShift();
    const wrong = log.add('roster.attendance.corrected', 'res3', { ...correction, as: 'lead' });
    const state = foldEvents(log.events);
    expect(state.anomalies).toEqual([{ eventId: wrong.id, type: wrong.type, reason: { code: 'not_lead' } }]);
    expect(state.rosters.minutesByMember).toEqual({ res2: 29 });
  });

  it('lets the committee correct, the latest correction counting', () => {
    const log = nightShift();
    log.add('roster.attendance.corrected', 'comm1', { ...correction, as: 'committee' });
    log.add(
      'roster.attendance.corrected',
      'comm1',
      { ...correction, checkedOutAt: at('2024-05-31T16:00:00Z'), reason: '一点整结束', as: 'committee' },
      'c2',
    );
    const state = foldEvents(log.events);
    expect(state.rosters.duties.d1?.signups.res2?.correction).toMatchObject({ eventId: 'c2', reason: '一点整结束' });
    expect(state.rosters.minutesByMember).toEqual({ res2: 120 });
  });

  it('records a forgotten check-in and check-out, which a withdrawal does not undo', () => {
    const log = nightShift();
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    log.add('roster.attendance.corrected', 'res1', { ...correction, memberId: 'res3', as: 'lead' });
    log.add('roster.withdrew', 'res3', { dutyId: 'd1', memberId: 'res3' });
    const state = foldEvents(log.events);
    expect(state.rosters.duties.d1?.signups.res3).toMatchObject({ checkedInAt: null, minutes: 210, phoneTime: false });
    // Time served is a fact: the withdrawal is kept in the member's steps, and moves nothing.
    expect(state.anomalies).toEqual([]);
  });

  it('refolds a lead’s correction when the handover that made its author lead syncs in before it', () => {
    const log = nightShift();
    const fixed = log.add('roster.attendance.corrected', 'res3', { ...correction, as: 'lead' });
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: log.events }]);
    expect(fold.state.anomalies).toEqual([{ eventId: fixed.id, type: fixed.type, reason: { code: 'not_lead' } }]);
    expect(fold.state.rosters.minutesByMember).toEqual({ res2: 29 });
    // The committee had handed the team to res3 on a phone that synced late.
    const handover = { id: 'h1', type: 'roster.team.edited', at: log.at, by: 'comm1', teamId: 't1', leaderId: 'res3' };
    fold.applyDelta([{ retain: 2 }, { insert: [handover] }]);
    expect(fold.state.anomalies).toEqual([]);
    expect(fold.state.rosters.minutesByMember).toEqual({ res2: 210 });
  });

  it('keeps a lead’s correction beside a handover made offline at the same time, wherever it lands', () => {
    const log = nightShift();
    log.add('roster.attendance.corrected', 'res1', { ...correction, as: 'lead' });
    const handover = { id: 'h1', type: 'roster.team.edited', at: log.at, by: 'comm1', teamId: 't1', leaderId: 'res3' };
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: log.events }]);
    fold.applyDelta([{ retain: 2 }, { insert: [handover] }]);
    expect(fold.state.anomalies).toEqual([]);
    expect(fold.state.rosters.minutesByMember).toEqual({ res2: 210 });
    expect(fold.state.rosters.teams.t1?.leaderId).toBe('res3');
  });
});
