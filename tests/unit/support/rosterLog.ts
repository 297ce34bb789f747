import { TestLog } from './TestLog.ts';

/** Team t1 led by res3, and duty d1 (2024-06-01, 08:00-10:00) with `slots` places. */
export function dutyLog(slots: number): TestLog {
  const log = new TestLog();
  log.add('roster.team.created', 'comm1', { name: '背老人下楼志愿队', leaderId: 'res3' }, 't1');
  log.add(
    'roster.duty.created',
    'comm1',
    { teamId: 't1', day: '2024-06-01', start: '08:00', end: '10:00', place: '2号楼', slots },
    'd1',
  );
  return log;
}

/** `dutyLog`, with res1 signed up, checked in and checked out (120 min). */
export function servedDuty(slots: number): TestLog {
  const log = dutyLog(slots);
  log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
  log.add('roster.checked-in', 'res1', { dutyId: 'd1', memberId: 'res1' });
  log.at += 119 * 60_000;
  log.add('roster.checked-out', 'res1', { dutyId: 'd1', memberId: 'res1', minutes: 120 });
  return log;
}

/** `dutyLog(1)` with res1 holding the place and res2's sign-up over-full (the last place taken twice offline). */
export function overfullDuty(): TestLog {
  const log = dutyLog(1);
  log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
  log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
  return log;
}
