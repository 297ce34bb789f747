import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { resident, resident2 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog } from './support/rosterLog.ts';

describe('who holds a place, for the relay as for the fold (by (at, id), not log order)', () => {
  it('an honest sign-up into a place the author sees free is kept (two phones of one member: sign-up offline on A, sign-up then withdrawal on B)', () => {
    const log = dutyLog(2);
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    const { relay, phone, send, events } = relayCopy(log.events);
    const [b, a] = [phone(10), phone(30)];
    const s0 = log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' }, 's0');
    const s = log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' }, 's'); // phone A, offline
    const w = log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' }, 'w'); // phone B, after s0
    b.getArray('events').push([s0]);
    b.getArray('events').push([w]);
    a.getArray('events').push([s]);
    send(b, [s0, w], resident);
    send(a, [s], resident);
    // Log order puts A's sign-up after B's withdrawal; by (at, id) the withdrawal is the latest step.
    expect(
      events()
        .map((e) => e.id)
        .slice(-3),
    ).toEqual(['s0', 'w', 's']);
    const before = foldEvents(events()).rosters.duties.d1!;
    expect(Object.keys(before.signups)).toEqual(['res3']);
    expect(before.freeSlots).toBe(1);
    // res2's phone holds everything and shows one free place: it signs up.
    const y = phone(40, relay);
    const mine = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' }, 'y');
    y.getArray('events').push([mine]);
    expect(() => send(y, [mine], resident2)).not.toThrow();
  });
});

describe('a re-sign-up stamped before the member’s own withdrawal (a phone clock behind)', () => {
  it('(same log) res2, shown a free place, is not refused', () => {
    const log = dutyLog(2);
    log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.at += 10 * 60_000;
    log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' }, 'w');
    log.at -= 10 * 60_000;
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' }, 'again');
    log.at += 20 * 60_000;
    const { relay, phone, send, events } = relayCopy(log.events);
    expect(foldEvents(events()).rosters.duties.d1?.freeSlots).toBe(1);
    const y = phone(40, relay);
    const mine = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' }, 'y');
    y.getArray('events').push([mine]);
    expect(() => send(y, [mine], resident2)).not.toThrow();
  });
});

describe('a withdrawal from a stale phone of a volunteer who served frees no place', () => {
  it('a member who saw the duty full, stamping a sign-up early, is refused', () => {
    const log = dutyLog(2);
    const s3 = log.add('roster.signed-up', 'res3', { dutyId: 'd1', memberId: 'res3' });
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    log.add('roster.checked-in', 'res1', { dutyId: 'd1', memberId: 'res1' });
    // A stale phone of res1 withdraws: the fold keeps res1's place (time served is a fact).
    log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' });
    const { relay, phone, send, events } = relayCopy(log.events);
    const full = foldEvents(events()).rosters.duties.d1!;
    expect(full.freeSlots).toBe(0);
    expect(Object.keys(full.signups).sort()).toEqual(['res1', 'res3']);
    const h = phone(50, relay);
    const mine = { ...log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' }, 'h'), at: s3.at - 1 };
    h.getArray('events').push([mine]);
    let thrown: unknown;
    try {
      send(h, [mine], resident2);
    } catch (e) {
      thrown = e;
    }
    expect(String(thrown)).toMatch(/no_free_slot/);
  });
});
