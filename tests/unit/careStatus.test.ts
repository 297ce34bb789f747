import { describe, expect, it } from 'vitest';
import { careStatus, foldEvents } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const at = (iso: string) => Date.parse(iso);

function household(cadence: 'daily' | 'weekly' | 'monthly') {
  const log = new TestLog();
  log.at = at('2024-05-01T01:00:00Z');
  log.add(
    'care.household.registered',
    'comm1',
    {
      label: '王奶奶家',
      building: '3号楼',
      reasonCategory: 'elderly-alone',
      cadence,
      visitorId: 'comm1',
    },
    'h1',
  );
  return log;
}

describe('care visits', () => {
  it('is due a week after the last weekly visit, then overdue and counting missed visits', () => {
    const log = household('weekly');
    log.at = at('2024-05-03T02:00:00Z');
    log.add('care.visit.logged', 'comm1', { householdId: 'h1', note: '身体不错' });
    const h = foldEvents(log.events).care.households.h1;
    if (!h) throw new Error('no household');
    expect(careStatus(h, at('2024-05-10T15:00:00Z'))).toMatchObject({
      nextDueDay: '2024-05-10',
      overdue: false,
      missed: 0,
    });
    expect(careStatus(h, at('2024-05-10T16:00:00Z'))).toMatchObject({ overdue: true, missed: 0 });
    expect(careStatus(h, at('2024-05-24T16:00:00Z'))).toMatchObject({ overdue: true, missed: 2 });
  });

  it('counts gaps between past daily visits as missed', () => {
    const log = household('daily');
    for (const day of ['2024-05-02', '2024-05-03', '2024-05-07']) {
      log.at = at(`${day}T02:00:00Z`);
      log.add('care.visit.logged', 'comm1', { householdId: 'h1', note: '好' });
    }
    const h = foldEvents(log.events).care.households.h1;
    if (!h) throw new Error('no household');
    expect(careStatus(h, at('2024-05-08T02:00:00Z'))).toEqual({
      lastVisitedOn: '2024-05-07',
      nextDueDay: '2024-05-08',
      overdue: false,
      missed: 3,
    });
  });

  it('stops flagging a closed household, and keeps a visit logged offline while it was closed', () => {
    const log = household('monthly');
    log.add('care.household.closed', 'comm1', { householdId: 'h1', reason: '搬去子女家' });
    log.add('care.visit.logged', 'comm1', { householdId: 'h1', note: '?' });
    const state = foldEvents(log.events);
    const h = state.care.households.h1;
    if (!h) throw new Error('no household');
    expect(careStatus(h, at('2025-01-01T00:00:00Z'))).toMatchObject({ nextDueDay: null, overdue: false });
    // A visit is a fact: its note is kept, never dropped by where the log holds the closing.
    expect(state.anomalies).toEqual([]);
    expect(h.visits.at(-1)?.note).toBe('?');
  });
});
