import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import {
  buildingGrid,
  foldEvents,
  householdWarning,
  openRequestsOf,
  postId,
  postsHeldBy,
} from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const rooms = (n: number) => Array.from({ length: n }, (_, i) => ({ unit: '1单元', room: String(101 + i) }));

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const buildingPost = postId('building', '3号楼', '');

describe('the micro-grid fold', () => {
  it('lets a later naming replace the one it lists, whatever their places in the log', () => {
    const log = new TestLog();
    const first = log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    const second = log.add('grid.building-lead.named', 'comm2', {
      building: ' 3号楼 ',
      memberId: 'res2',
      replaces: [first.id],
    });
    for (const order of [log.events, [...log.events].reverse()]) {
      const post = foldEvents(order).grid.posts[buildingPost];
      expect(post?.holder?.memberId).toBe('res2');
      expect(post?.current.map((n) => n.eventId)).toEqual([second.id]);
      expect(post?.conflict).toBe(false);
    }
  });

  it('keeps two namings of one building made without seeing each other and flags them', () => {
    const log = new TestLog();
    const first = log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    log.add('grid.building-lead.named', 'comm2', { building: '3号楼', memberId: 'res2', replaces: [first.id] });
    log.add('grid.building-lead.named', 'comm3', { building: '3号楼', memberId: 'res3', replaces: [first.id] });
    const post = foldEvents(log.events).grid.posts[buildingPost];
    expect(post?.conflict).toBe(true);
    expect(post?.current.map((n) => n.memberId)).toEqual(['res2', 'res3']);
    expect(buildingGrid(foldEvents(log.events), '3栋').lead?.conflict).toBe(true);
  });

  it('settles two concurrent namings with one that replaces both', () => {
    const log = new TestLog();
    const a = log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    const b = log.add('grid.building-lead.named', 'comm2', { building: '3号楼', memberId: 'res2', replaces: [] });
    log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res2', replaces: [a.id, b.id] });
    const post = foldEvents(log.events).grid.posts[buildingPost];
    expect(post?.conflict).toBe(false);
    expect(post?.holder).toMatchObject({ memberId: 'res2', by: 'comm1' });
  });

  it('folds every order of namings, endings and 邻长 to one state', () => {
    const log = new TestLog();
    const a = log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    const b = log.add('grid.building-lead.named', 'comm2', { building: '3号楼', memberId: 'res2', replaces: [a.id] });
    log.add('grid.lead.ended', 'comm1', { role: 'building', building: '3号楼', memberId: 'res2', replaces: [b.id] });
    const n = log.add('grid.neighbour-lead.named', 'comm1', {
      building: '3号楼',
      memberId: 'res4',
      households: rooms(6),
      replaces: [],
    });
    log.add('grid.neighbour-lead.named', 'comm2', {
      building: '3号楼',
      memberId: 'res4',
      households: rooms(8),
      replaces: [n.id],
    });
    log.at = a.at;
    log.add('grid.neighbour-lead.named', 'comm3', {
      building: '4号楼',
      memberId: 'res5',
      households: rooms(2),
      replaces: [],
    });
    const expected = foldEvents(log.events).grid;
    const orders = permutations(log.events as AppEvent[]);
    expect(orders).toHaveLength(720);
    for (const order of orders) expect(foldEvents(order).grid).toEqual(expected);
    const state = foldEvents(log.events);
    expect(state.grid.posts[buildingPost]?.holder).toBeNull();
    expect(postsHeldBy(state, 'res4').map((p) => p.holder?.households.length)).toEqual([8]);
  });

  it('warns of fewer than 5 or more than 15 households but keeps the naming', () => {
    expect([4, 5, 15, 16].map(householdWarning)).toEqual(['too_few', undefined, undefined, 'too_many']);
    const log = new TestLog();
    log.add('grid.neighbour-lead.named', 'comm1', {
      building: '3号楼',
      memberId: 'res4',
      households: rooms(3),
      replaces: [],
    });
    log.add('grid.neighbour-lead.named', 'comm1', {
      building: '3号楼',
      memberId: 'res5',
      households: rooms(16),
      replaces: [],
    });
    const state = foldEvents(log.events);
    expect(state.anomalies).toEqual([]);
    const leads = buildingGrid(state, '3号楼').neighbourLeads;
    expect(leads.map((p) => householdWarning(p.holder?.households.length ?? 0))).toEqual(['too_few', 'too_many']);
  });

  it('shows a building its registered members with their unit and party-member tag', () => {
    const log = new TestLog();
    log.add('practice.profile.registered', 'res1', {
      memberId: 'res1',
      building: '3号楼',
      unit: '2单元',
      tags: ['party-member'],
    });
    log.add('practice.profile.registered', 'res2', { memberId: 'res2', building: '4号楼', tags: [] });
    const grid = buildingGrid(foldEvents(log.events), '3号楼');
    expect(grid.registered).toMatchObject([{ memberId: 'res1', unit: '2单元', tags: ['party-member'] }]);
  });
});

describe('a lead sees their households open requests', () => {
  function compound() {
    const log = new TestLog();
    const raise = (id: string, fields: { location?: string; building?: string }) =>
      log.add('request.raised', 'res9', { title: id, category: 'other', ...fields }, id);
    raise('r-room', { location: '3号楼1单元103室门口漏水' });
    raise('r-other-unit', { location: '3号楼2单元103' });
    raise('r-longer-number', { location: '3栋1单元1103' });
    raise('r-building-field', { building: '3号楼', location: '楼道灯坏了' });
    raise('r-next-building', { location: '4号楼1单元103' });
    raise('r-no-place', {});
    raise('r-done', { location: '3号楼102' });
    log.add('request.withdrawn', 'res9', { requestId: 'r-done', reason: '修好了' });
    log.add('grid.building-lead.named', 'comm1', { building: '3号楼', memberId: 'res1', replaces: [] });
    log.add('grid.neighbour-lead.named', 'comm1', {
      building: '3号楼',
      memberId: 'res2',
      households: [
        { unit: '1单元', room: '102' },
        { unit: '1单元', room: '103' },
      ],
      replaces: [],
    });
    return foldEvents(log.events);
  }

  it('matches by building for a 楼栋长 and by building, unit and room for a 邻长', () => {
    const state = compound();
    const [lead] = postsHeldBy(state, 'res1');
    const [neighbour] = postsHeldBy(state, 'res2');
    expect(
      lead &&
        openRequestsOf(state, lead)
          .map((r) => r.id)
          .sort(),
    ).toEqual(['r-building-field', 'r-longer-number', 'r-other-unit', 'r-room']);
    expect(neighbour && openRequestsOf(state, neighbour).map((r) => r.id)).toEqual(['r-room']);
  });
});
