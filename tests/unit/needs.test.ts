import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { maskName } from '../../shared/events/practice.ts';
import { foldEvents, myClaims, needsBoard, rivalClaims } from '../../shared/folds/index.ts';
import { canRead, canWrite, type DocKind, parseDocName } from '../../shared/rooms.ts';
import { isCausal } from '../../shared/rules/causal.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { admin, partner, resident } from './support/members.ts';
import { photo, TestLog } from './support/TestLog.ts';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('the needs board', () => {
  it('masks a resident’s name to its first character', () => {
    expect(maskName('王小明')).toBe('王*');
    expect(maskName(' 欧阳娜娜 ')).toBe('欧*');
    expect(maskName('Mary Li')).toBe('M*');
    expect(maskName('王*')).toBe('王*');
    expect(maskName('')).toBe('*');
  });

  it('sorts wishes into open, being done and done, soonest due first', () => {
    const log = new TestLog();
    const due = (d: number) => Date.parse('2024-06-01T00:00:00Z') + d * 86_400_000;
    log.add('practice.published', 'comm1', { wish: { title: '修轮椅', due: due(9) } }, 'late');
    log.add('practice.published', 'comm1', { wish: { title: '换电扇', forName: '王*', due: due(2) } }, 'soon');
    log.add('practice.published', 'comm1', { wish: { title: '辅导作业' } }, 'claimed');
    log.add('practice.published', 'comm1', { wish: { title: '送药' } }, 'reported');
    log.add('practice.published', 'comm1', { wish: { title: '理发' } }, 'done');
    for (const id of ['claimed', 'reported', 'done'])
      log.add('practice.claimed', 'part1', { listingId: id, unitName: '惠民药房', contact: '陈' }, `c-${id}`);
    for (const id of ['reported', 'done'])
      log.add('practice.reported', 'part1', { listingId: id, claimId: `c-${id}`, note: '好了', photos: [photo] });
    log.add('practice.accepted', 'comm1', { listingId: 'done', claimId: 'c-done' });
    const state = foldEvents(log.events);
    const board = needsBoard(state);
    expect(board.open.map((l) => l.id)).toEqual(['soon', 'late']);
    expect(board.claimed.map((l) => [l.id, l.status])).toEqual([
      ['claimed', 'claimed'],
      ['reported', 'reported'],
    ]);
    expect(board.done.map((l) => l.id)).toEqual(['done']);
    expect(board.open[0]?.wish).toMatchObject({ forName: '王*', photos: [] });
    expect(
      myClaims(state, 'part1')
        .map((l) => l.id)
        .sort(),
    ).toEqual(['claimed', 'done', 'reported']);
    expect(myClaims(state, 'part2')).toEqual([]);
  });

  it('keeps the first of two offline claims whichever order they land in, flagging the other for the committee', () => {
    const log = new TestLog();
    log.add('practice.published', 'comm1', { wish: { title: '换电扇' } }, 'l1');
    const a = log.add('practice.claimed', 'part1', { listingId: 'l1', unitName: '惠民药房', contact: '陈' }, 'ca');
    const b = log.add('practice.claimed', 'part2', { listingId: 'l1', unitName: '顺丰快递站', contact: '周' }, 'cb');
    for (const [first, second] of permutations([a, b]) as [AppEvent, AppEvent][]) {
      const events = [log.events[0] as AppEvent, first, second];
      const state = foldEvents(events);
      expect(state.practice.listings.l1?.claim?.claimId).toBe(first.id);
      expect(state.anomalies.map((x) => x.reason)).toEqual([{ code: 'already_claimed' }]);
      expect(isCausal({ code: 'already_claimed' })).toBe(false);
      expect(rivalClaims(state, events).map((r) => [r.eventId, r.listingId])).toEqual([[second.id, 'l1']]);
    }
  });

  it('treats a claim of a missing need and a report on another unit’s claim as causal', () => {
    const log = new TestLog();
    log.add('practice.claimed', 'part1', { listingId: 'nope', unitName: '惠民药房', contact: '陈' });
    log.add('practice.published', 'comm1', { wish: { title: '换电扇' } }, 'l1');
    log.add('practice.claimed', 'part1', { listingId: 'l1', unitName: '惠民药房', contact: '陈' }, 'c1');
    log.add('practice.reported', 'part2', { listingId: 'l1', claimId: 'c1', note: '我们办的' });
    const reasons = foldEvents(log.events).anomalies.map((a) => a.reason);
    expect(reasons).toEqual([{ code: 'no_such', thing: 'listing' }, { code: 'not_claimer' }]);
    expect(reasons.every(isCausal)).toBe(true);
  });
});

describe('the needs document and the partner role', () => {
  const kinds: DocKind[] = ['public', 'committee', 'members', 'minutes', 'needs'];

  it('is a document every member reads and writes, the only one a partner reads', () => {
    expect(parseDocName('needs')).toEqual({ name: 'needs', kind: 'needs' });
    expect(kinds.filter((k) => canRead(k, partner))).toEqual(['needs']);
    expect(kinds.filter((k) => canWrite(k, partner))).toEqual(['needs']);
    expect(kinds.filter((k) => canRead(k, resident))).toEqual(['public', 'members', 'minutes', 'needs']);
    expect(canWrite('needs', resident)).toBe(true);
    expect(kinds.every((k) => canRead(k, admin))).toBe(true);
  });

  it('holds the sample’s needs, each passing its author’s check there, with partners as members', () => {
    const sample = generateCompound({ seed: 7, scale: 'demo' });
    const byId = new Map(sample.members.map((m) => [m.memberId, { ...m, compoundId: 'c' }]));
    expect(sample.needsEvents.length).toBeGreaterThan(3);
    expect(sample.publicEvents.some((e) => /^practice\.(published|claimed|reported|accepted)$/.test(e.type))).toBe(
      false,
    );
    for (const e of sample.needsEvents) expect(() => checkEvent(e, byId.get(e.by)!, 'needs')).not.toThrow();
    const state = foldEvents(sample.needsEvents);
    expect(state.anomalies).toEqual([]);
    expect(needsBoard(state).done.length).toBeGreaterThan(0);
    for (const l of Object.values(state.practice.listings))
      if (l.wish?.forName) expect(l.wish.forName).toBe(maskName(l.wish.forName));
    expect(sample.members.filter((m) => m.role === 'partner').every((m) => m.unit)).toBe(true);
  });
});
