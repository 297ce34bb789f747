import { describe, expect, it } from 'vitest';
import type { Cadence } from '../../shared/events/care.ts';
import { careRows, careTurns, closedHouseholds, foldEvents, nextDue } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const at = (iso: string) => Date.parse(iso);

function register(
  log: TestLog,
  id: string,
  cadence: Cadence,
  extra: { visitorId?: string; lastVisitedOn?: string; label?: string } = {},
) {
  log.add(
    'care.household.registered',
    'comm1',
    { label: extra.label ?? `${id}家`, building: '3号楼', reasonCategory: 'elderly-alone', cadence, ...extra },
    id,
  );
}

describe('when care visits are due', () => {
  it('is due the same date next month, the last day of a shorter month', () => {
    expect(nextDue('2024-01-31', 'monthly')).toBe('2024-02-29');
    expect(nextDue('2023-12-15', 'monthly')).toBe('2024-01-15');
    expect(nextDue('2024-05-31', 'fortnightly')).toBe('2024-06-14');
    expect(nextDue('2024-12-28', 'weekly')).toBe('2025-01-04');
  });

  it('turns a monthly visit overdue after the Asia/Shanghai midnight ending its due day, across months', () => {
    const log = new TestLog();
    log.at = at('2024-01-30T17:00:00Z'); // 31 Jan, 01:00 in Shanghai
    register(log, 'h1', 'monthly');
    const care = foldEvents(log.events).care;
    // 29 Feb, 23:59 in Shanghai: still due today.
    expect(careRows(care, at('2024-02-29T15:59:00Z'))[0]).toMatchObject({
      dueIn: 0,
      status: { nextDueDay: '2024-02-29', overdue: false },
    });
    // 1 Mar, 00:00 in Shanghai (still 29 Feb in UTC): overdue by a day.
    expect(careRows(care, at('2024-02-29T16:00:00Z'))[0]).toMatchObject({ dueIn: -1, status: { overdue: true } });
  });

  it('counts from the last visit of the paper list, so a household can be overdue on the day it is registered', () => {
    const log = new TestLog();
    log.at = at('2024-05-06T02:00:00Z');
    register(log, 'h1', 'weekly', { lastVisitedOn: '2024-04-20' });
    const [row] = careRows(foldEvents(log.events).care, at('2024-05-06T03:00:00Z'));
    expect(row).toMatchObject({ dueIn: -9, status: { nextDueDay: '2024-04-27', overdue: true }, lastVisit: null });
  });

  it('counts from the latest visit when one logged offline lands in the log after a later one', () => {
    const log = new TestLog();
    log.at = at('2024-05-01T01:00:00Z');
    register(log, 'h1', 'weekly');
    log.at = at('2024-05-10T01:00:00Z');
    log.add('care.visit.logged', 'comm2', { householdId: 'h1', note: '上门' });
    log.at = at('2024-05-05T01:00:00Z');
    log.add('care.visit.logged', 'comm1', { householdId: 'h1', note: '电话里说的' });
    const [row] = careRows(foldEvents(log.events).care, at('2024-05-12T01:00:00Z'));
    expect(row).toMatchObject({ status: { nextDueDay: '2024-05-17', overdue: false }, lastVisit: { note: '上门' } });
  });

  it('lists the most overdue first and leaves closed households out', () => {
    const log = new TestLog();
    register(log, 'soon', 'monthly');
    register(log, 'late', 'weekly', { lastVisitedOn: '2024-04-01' });
    register(log, 'later', 'weekly', { lastVisitedOn: '2024-03-01' });
    register(log, 'gone', 'weekly', { lastVisitedOn: '2024-03-01' });
    log.add('care.household.closed', 'comm1', { householdId: 'gone', reason: '搬家' });
    const care = foldEvents(log.events).care;
    expect(careRows(care, at('2024-05-07T00:00:00Z')).map((r) => r.household.id)).toEqual(['later', 'late', 'soon']);
    expect(closedHouseholds(care).map((h) => h.id)).toEqual(['gone']);
  });
});

describe('whose turn a care visit is', () => {
  const now = at('2024-05-20T02:00:00Z');
  function compound() {
    const log = new TestLog();
    register(log, 'mine', 'weekly', { visitorId: 'comm1', lastVisitedOn: '2024-05-01' });
    register(log, 'theirs', 'weekly', { visitorId: 'comm2', lastVisitedOn: '2024-05-01' });
    register(log, 'nobody', 'fortnightly', { lastVisitedOn: '2024-05-01' });
    register(log, 'gone', 'weekly', { visitorId: 'left', lastVisitedOn: '2024-05-01' });
    register(log, 'fine', 'monthly', { visitorId: 'comm1' });
    return log;
  }
  const canVisit = (id: string) => id === 'comm1' || id === 'comm2';

  it('waits on the assigned visitor, and on every committee member when nobody can visit', () => {
    const care = foldEvents(compound().events).care;
    expect(careTurns(care, now, 'comm1', canVisit).map((r) => r.household.id)).toEqual(['gone', 'mine', 'nobody']);
    expect(careTurns(care, now, 'comm2', canVisit).map((r) => r.household.id)).toEqual(['gone', 'theirs', 'nobody']);
  });

  it('moves to the new visitor when the household is handed over', () => {
    const log = compound();
    log.add('care.visitor.assigned', 'comm1', { householdId: 'mine', visitorId: 'comm2' });
    log.add('care.visitor.assigned', 'comm1', { householdId: 'theirs' });
    const care = foldEvents(log.events).care;
    expect(careTurns(care, now, 'comm1', canVisit).map((r) => r.household.id)).toEqual(['gone', 'theirs', 'nobody']);
    expect(careTurns(care, now, 'comm2', canVisit).map((r) => r.household.id)).toEqual([
      'gone',
      'mine',
      'theirs',
      'nobody',
    ]);
  });

  it('clears once the visit is logged', () => {
    const log = compound();
    log.at = at('2024-05-20T01:00:00Z');
    log.add('care.visit.logged', 'comm1', { householdId: 'mine', note: '精神不错', needs: '想装个扶手' });
    const care = foldEvents(log.events).care;
    expect(careTurns(care, now, 'comm1', canVisit).map((r) => r.household.id)).toEqual(['gone', 'nobody']);
    expect(careRows(care, now).find((r) => r.household.id === 'mine')).toMatchObject({
      dueIn: 7,
      lastVisit: { note: '精神不错', needs: '想装个扶手' },
    });
  });
});
