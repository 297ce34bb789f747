import { describe, expect, it } from 'vitest';
import { buildingGrid, careRows, gridBuildings } from '../../shared/folds/index.ts';
import { careHousehold } from './support/careLog.ts';
import { everyMergeOrder, reasonOf } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import { TestLog } from './support/TestLog.ts';

describe('care: closing a household while a visit is logged offline', () => {
  it('keeps the visit (and its concern) whichever of the two Yjs puts first', () => {
    const log = careHousehold();
    const base = [...log.events];
    const visit = log.add('care.visit.logged', 'own1', {
      householdId: 'h1',
      note: '老人说胸口疼',
      needs: '请社区医生上门',
    });
    const close = log.add('care.household.closed', 'comm1', { householdId: 'h1', reason: '搬去女儿家' });
    const results = everyMergeOrder(
      base,
      [
        { events: [visit], member: owners },
        { events: [close], member: community },
      ],
      'committee',
    ).map(({ state }) => ({
      visits: state.care.households.h1?.visits.map((v) => v.note),
      visitIgnored: reasonOf(state, visit.id),
    }));
    expect(results[0]).toEqual(results[1]);
    // A visit is a fact: kept, with its concern, whichever lands first.
    for (const r of results) expect(r).toEqual({ visits: ['老人说胸口疼'], visitIgnored: undefined });
  });
});

describe('care: two visits logged offline', () => {
  it('hold the same state in either merge order', () => {
    const log = careHousehold();
    const base = [...log.events];
    const a = log.add('care.visit.logged', 'own1', { householdId: 'h1', note: '一切都好' });
    const b = log.add('care.visit.logged', 'comm1', { householdId: 'h1', note: '送了米' });
    b.at = a.at; // visited together, stamped the same minute
    const results = everyMergeOrder(
      base,
      [
        { events: [a], member: owners },
        { events: [b], member: community },
      ],
      'committee',
    ).map(({ state }) => ({
      visits: state.care.households.h1?.visits.map((v) => v.eventId),
      lastVisit: careRows(state.care, a.at + 1)[0]?.lastVisit?.eventId,
    }));
    expect(results[1]).toEqual(results[0]);
  });
});

describe('grid: a building typed two ways on two committee phones', () => {
  it('shows one 楼栋长 post with a conflict, the same on every phone', () => {
    const log = new TestLog();
    const base = [...log.events];
    const a = log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    const b = log.add('grid.building-lead.named', 'own1', { building: '3栋', memberId: 'res2', replaces: [] });
    const results = everyMergeOrder(base, [
      { events: [a], member: community },
      { events: [b], member: owners },
    ]).map(({ state }) => {
      const names = gridBuildings(state);
      const grid = buildingGrid(state, names[0] ?? '');
      return { names, holder: grid.lead?.holder?.memberId, conflict: grid.lead?.conflict };
    });
    expect(results[1]).toEqual(results[0]);
    for (const r of results) expect(r.conflict).toBe(true);
  });
});

// A review (2026-12-04): the spelling came from whichever post the state's record was given first.
describe('grid: one building spelled two ways by a 楼栋长 post and a 邻长 post named offline', () => {
  it('lists the building as the earlier naming spelled it, on every phone', () => {
    const log = new TestLog();
    const base = [...log.events];
    const lead = log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    const neighbour = log.add('grid.neighbour-lead.named', 'own1', {
      building: '3栋',
      memberId: 'res2',
      households: [{ room: '101' }],
      replaces: [],
    });
    const runs = everyMergeOrder(base, [
      { events: [neighbour], member: owners },
      { events: [lead], member: community },
    ]);
    for (const { state } of runs) expect(gridBuildings(state)).toEqual(['3号楼']);
  });
});
