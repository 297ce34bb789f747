import { describe, expect, it } from 'vitest';
import { type AppEvent, parseEvent } from '../../shared/events/index.ts';
import { maskName } from '../../shared/events/practice.ts';
import { foldEvents, myClaims, needsBoard, rivalClaims } from '../../shared/folds/index.ts';
import { canRead, canWrite, type DocKind, parseDocName } from '../../shared/rooms.ts';
import { isCausal } from '../../shared/rules/causal.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { admin, community, partner, resident } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

/** A second partner unit's member. */
const partner2 = { ...partner, memberId: 'part2', unit: '顺丰快递站' };

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
    log.add(
      'practice.published',
      'comm1',
      { wish: { title: '修轮椅', due: due(9), contact: '社区 王书记 138' } },
      'late',
    );
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
    // A wish written before it had a contact (对接人) has none.
    expect(board.open[0]?.wish).toMatchObject({ forName: '王*', photos: [], contact: null });
    expect(board.open[1]?.wish?.contact).toBe('社区 王书记 138');
    expect(parseEvent({ ...log.events[0], wish: { title: '修轮椅', contact: 'x'.repeat(61) } }).ok).toBe(false);
    expect(
      myClaims(state, 'part1')
        .map((l) => l.id)
        .sort(),
    ).toEqual(['claimed', 'done', 'reported']);
    expect(myClaims(state, 'part2')).toEqual([]);
  });

  it('keeps both of two offline claims, the earliest by (at, id) holding, in every merge order', () => {
    const log = new TestLog();
    log.add('practice.published', 'comm1', { wish: { title: '换电扇' } }, 'l1');
    const base = [...log.events];
    const late = log.add('practice.claimed', 'part1', { listingId: 'l1', unitName: '惠民药房', contact: '陈' }, 'ca');
    // The second unit claimed a minute earlier, on the phone Yjs puts last in one of the orders.
    const early = {
      ...log.add('practice.claimed', 'part2', { listingId: 'l1', unitName: '顺丰快递站', contact: '周' }),
    };
    early.at = late.at - 60_000;
    const runs = everyMergeOrder(
      base,
      [
        { events: [late], member: partner },
        { events: [early as AppEvent], member: partner2 },
      ],
      'needs',
    );
    const views = runs.map(({ state }) => ({
      practice: state.practice,
      anomalies: state.anomalies,
      board: needsBoard(state),
    }));
    expect(new Set(runs.map((r) => r.events.map((e) => e.id).join())).size).toBe(2);
    for (const v of views) expect(v).toEqual(views[0]);
    const view = views[0] as (typeof views)[number];
    const rival = { eventId: late.id, listingId: 'l1', unitName: '惠民药房', by: 'part1', at: late.at };
    for (const { state } of runs) expect(rivalClaims(state)).toEqual([rival]);
    expect(view.anomalies).toEqual([]);
    expect(view.practice.listings.l1).toMatchObject({ status: 'claimed', claim: { claimId: early.id } });
    expect(view.practice.listings.l1?.claims.map((c) => c.claimId)).toEqual([early.id, late.id]);
  });

  it('a unit that reported and was accepted keeps the need when an earlier offline claim arrives, in either merge order', () => {
    const states: unknown[] = [];
    const orders = new Set<string>();
    for (const [lateClient, unitClient] of [
      [10, 20],
      [30, 20],
    ] as const) {
      const log = new TestLog();
      log.add('practice.published', 'comm1', { wish: { title: '换电扇' } }, 'l1');
      const { phone, send, events, relay } = relayCopy(log.events, 'needs');
      // part2 claims on a phone that stays offline; part1 claims a minute later, reports, is accepted.
      const offline = log.add('practice.claimed', 'part2', { listingId: 'l1', unitName: '顺丰快递站', contact: '周' });
      const claim = log.add('practice.claimed', 'part1', { listingId: 'l1', unitName: '惠民药房', contact: '陈' });
      const report = log.add('practice.reported', 'part1', {
        listingId: 'l1',
        claimId: claim.id,
        note: '换好了',
        photos: [photo],
      });
      const [latePhone, unitPhone] = [phone(lateClient), phone(unitClient)];
      latePhone.getArray('events').push([offline]);
      unitPhone.getArray('events').push([claim, report]);
      send(unitPhone, [claim, report], partner);
      const committee = phone(40, relay);
      const accept = log.add('practice.accepted', 'comm1', { listingId: 'l1', claimId: claim.id });
      committee.getArray('events').push([accept]);
      send(committee, [accept], community);
      send(latePhone, [offline], partner2);
      orders.add(
        events()
          .map((e) => e.id)
          .join(),
      );
      const state = foldEvents(events());
      expect(state.anomalies).toEqual([]);
      expect(state.practice.listings.l1).toMatchObject({
        status: 'done',
        claim: { claimId: claim.id, report: { note: '换好了' }, accepted: { eventId: accept.id } },
      });
      expect(rivalClaims(state).map((r) => r.eventId)).toEqual([offline.id]);
      states.push(state.practice);
    }
    expect(orders.size).toBe(2);
    expect(states[1]).toEqual(states[0]);
  });

  it('refuses a claim by a unit whose copy held the need claimed, and an acceptance of a claim its author held accepted', () => {
    const log = new TestLog();
    log.add('practice.published', 'comm1', { wish: { title: '换电扇' } }, 'l1');
    const held = log.add('practice.claimed', 'part1', { listingId: 'l1', unitName: '惠民药房', contact: '陈' });
    log.add('practice.reported', 'part1', { listingId: 'l1', claimId: held.id, note: '换好了', photos: [photo] });
    log.add('practice.accepted', 'comm1', { listingId: 'l1', claimId: held.id });
    const { phone, send } = relayCopy(log.events, 'needs');
    // Dated before the holder's claim, it would take the need if it were kept.
    const claim = {
      ...log.add('practice.claimed', 'part2', { listingId: 'l1', unitName: '顺丰快递站', contact: '周' }),
    };
    claim.at = held.at - 60_000;
    const unitPhone = phone(10);
    unitPhone.getArray('events').push([claim]);
    expect(() => send(unitPhone, [claim as AppEvent], partner2)).toThrow(/already_claimed/);
    const again = log.add('practice.accepted', 'admin1', { listingId: 'l1', claimId: held.id, note: '再确认' });
    const adminPhone = phone(20);
    adminPhone.getArray('events').push([again]);
    expect(() => send(adminPhone, [again], admin)).toThrow(/already_accepted/);
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
