import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldEvents } from '../../shared/folds/index.ts';
import { heldEvents } from '../../shared/rules/causalPast.ts';
import { community, resident, resident3 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog, overfullDuty } from './support/rosterLog.ts';

/**
 * 改为候补 is offered only beside an over-full sign-up: the relay refuses a standby whose author's
 * copy showed the member holding a place (`has_place`), and keeps one a withdrawal made offline
 * beside it turned into a standby of a seated member (a concurrent conflict the lead can undo).
 */

const standby = (memberId: string, as: 'lead' | 'committee' = 'lead') => ({ dutyId: 'd1', teamId: 't1', memberId, as });

describe('a standby for a member holding a place', () => {
  it('is refused when its author’s copy showed them seated', () => {
    const log = overfullDuty();
    const { phone, send } = relayCopy(log.events);
    const lead = phone(10);
    const e = log.add('roster.standby', 'res3', standby('res1'));
    lead.getArray('events').push([e]);
    expect(() => send(lead, [e], resident3)).toThrow(/has_place/);
  });

  it('is refused from a committee member too, on a duty with a free place', () => {
    const log = dutyLog(2);
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    const { phone, send } = relayCopy(log.events);
    const comm = phone(10);
    const e = log.add('roster.standby', 'comm1', standby('res1', 'committee'));
    comm.getArray('events').push([e]);
    expect(() => send(comm, [e], community)).toThrow(/has_place/);
  });

  it('is kept when a withdrawal its author had not seen seated them meanwhile', () => {
    const log = overfullDuty();
    const { phone, send, events } = relayCopy(log.events);
    const [left, lead] = [phone(10), phone(20)];
    const w = log.add('roster.withdrew', 'res1', { dutyId: 'd1', memberId: 'res1' });
    const e = log.add('roster.standby', 'res3', standby('res2'));
    left.getArray('events').push([w]);
    lead.getArray('events').push([e]);
    send(left, [w], resident);
    expect(() => send(lead, [e], resident3)).not.toThrow();
    const duty = foldEvents(events()).rosters.duties.d1!;
    expect(Object.keys(duty.standby ?? {})).toEqual(['res2']);
    expect(duty.freeSlots).toBe(1);
  });

  it('is refused once a raise its author saw gave them a place, and kept beside a raise made offline', () => {
    const log = overfullDuty();
    const { phone, send } = relayCopy(log.events);
    const [comm, lead] = [phone(10), phone(20)];
    const up = log.add('roster.duty.slots-raised', 'comm1', { dutyId: 'd1', teamId: 't1', slots: 2, as: 'committee' });
    const e = log.add('roster.standby', 'res3', standby('res2'));
    comm.getArray('events').push([up]);
    lead.getArray('events').push([e]);
    send(comm, [up], community);
    expect(() => send(lead, [e], resident3)).not.toThrow();
    const later = phone(30, comm);
    const again = log.add('roster.standby', 'comm1', standby('res1', 'committee'));
    later.getArray('events').push([again]);
    expect(() => send(later, [again], community)).toThrow(/has_place/);
  });

  it('is kept when the sign-up that put the member over-full is outside its causal past but on the relay', () => {
    // res1 and res4 sign up offline for the last place; res4's phone, its clock behind, ranks first, so
    // res1 is over-full. The lead's copy holds both, yet the standby's Yjs origins (res1's next
    // event, placed after res4's sign-up) do not reach res4's.
    const log = dutyLog(1);
    const { relay, phone, send, events } = relayCopy(log.events);
    const [res4, res1] = [phone(5), phone(30)];
    const early = log.add('roster.signed-up', 'res4', { dutyId: 'd1', memberId: 'res4' }, 'early');
    early.at -= 60 * 60_000;
    const s1 = log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' }, 's1');
    const next = log.add(
      'request.raised',
      'res1',
      { title: '路灯坏了', category: 'lighting', detail: '', location: '3号楼' },
      'next',
    );
    res4.getArray('events').push([early]);
    res1.getArray('events').push([s1, next]);
    send(res4, [early], { ...resident, memberId: 'res4' });
    send(res1, [s1, next], resident);
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.overfull ?? {})).toEqual(['res1']);
    const lead = phone(20, relay);
    const e = log.add('roster.standby', 'res3', standby('res1'), 'sb');
    lead.getArray('events').push([e]);
    expect(heldEvents(lead.getArray('events'), 'sb', ['early', 's1', 'next'])).toEqual(new Set(['s1', 'next']));
    expect(() => send(lead, [e], resident3)).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.standby ?? {})).toEqual(['res1']);
  });
});

/** A resident other than res1, as the relay sees them. */
const as = (memberId: string) => ({ ...resident, memberId, name: memberId });
const signUp = (memberId: string) => ({ dutyId: 'd1', memberId });

describe('another member’s step the standby’s past lacks (review, 2026-12-05)', () => {
  // Before, another member's sign-up counted as a push wherever the relay held it; but a sign-up can
  // seat a member too, and an honest lead's 改为候补 was refused `has_place`.
  it('is kept when that member withdrew and signed up again offline, ending their standby', () => {
    // Two places: res4 holds one; res5's was freed; res2 was over-full and set to standby.
    const log = dutyLog(2);
    log.add('roster.signed-up', 'res4', signUp('res4'));
    log.add('roster.signed-up', 'res5', signUp('res5'));
    log.add('roster.signed-up', 'res2', signUp('res2'));
    log.add('roster.standby', 'res3', standby('res2'));
    log.add('roster.withdrew', 'res5', signUp('res5'));
    const { relay, phone, send, events } = relayCopy(log.events);
    // Offline at once: res2 withdraws and signs up afresh (no longer standby); res1 signs up.
    const [res2, res1] = [phone(5), phone(30)];
    const again = [
      log.add('roster.withdrew', 'res2', signUp('res2'), 'xw'),
      log.add('roster.signed-up', 'res2', signUp('res2'), 'x2'),
    ];
    res2.getArray('events').push(again);
    send(res2, again, as('res2'));
    const s1 = log.add('roster.signed-up', 'res1', signUp('res1'), 'm1');
    res1.getArray('events').push([s1]);
    send(res1, [s1], resident);
    // The lead's copy holds all of it: res1 over-full, 改为候补 offered beside them.
    const duty = foldEvents(events()).rosters.duties.d1!;
    expect(Object.keys(duty.signups).sort()).toEqual(['res2', 'res4']);
    expect(Object.keys(duty.overfull)).toEqual(['res1']);
    const lead = phone(20, relay);
    const e = log.add('roster.standby', 'res3', standby('res1'), 'sb');
    lead.getArray('events').push([e]);
    // Its Yjs origin is res1's sign-up, placed after res2's two steps and not reaching them.
    expect(heldEvents(lead.getArray('events'), 'sb', ['xw', 'x2', 'm1'])).toEqual(new Set(['m1']));
    expect(() => send(lead, [e], resident3)).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.standby ?? {})).toEqual(['res1']);
  });

  it('is kept when a second sign-up from a served member’s other phone, after the lead’s copy, moves them later', () => {
    const log = dutyLog(1);
    const { relay, phone, send, events } = relayCopy(log.events);
    const [first, second, res1] = [phone(10), phone(5), phone(30)];
    const x1 = log.add('roster.signed-up', 'res2', signUp('res2'), 'x1');
    first.getArray('events').push([x1]);
    send(first, [x1], as('res2'));
    const m1 = log.add('roster.signed-up', 'res1', signUp('res1'), 'm1');
    res1.getArray('events').push([m1]);
    send(res1, [m1], resident);
    // res2 came, checked in, then withdrew: time served is a fact, so they keep their place.
    Y.applyUpdate(first, Y.encodeStateAsUpdate(relay));
    const served = [
      log.add('roster.checked-in', 'res2', signUp('res2')),
      log.add('roster.withdrew', 'res2', signUp('res2')),
    ];
    first.getArray('events').push(served);
    send(first, served, as('res2'));
    // The lead's copy, before res2's other phone (offline all along) brings a sign-up after res1's.
    const lead = phone(20, relay);
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.overfull ?? {})).toEqual(['res1']);
    const x2 = log.add('roster.signed-up', 'res2', signUp('res2'), 'x2');
    x2.at = m1.at + 1;
    second.getArray('events').push([x2]);
    send(second, [x2], as('res2'));
    const e = log.add('roster.standby', 'res3', standby('res1'), 'sb');
    lead.getArray('events').push([e]);
    expect(() => send(lead, [e], resident3)).not.toThrow();
  });
});

describe('a standby sent with a step that turns it around (review, 2026-12-05)', () => {
  it('is refused with a 取消候补 of the member stamped before it in the same update', () => {
    // Before, the undoing counted as a step of the member's own the past lacked, so the fold judged
    // it, and a seated volunteer was put on standby, their place handed to the over-full.
    const log = overfullDuty();
    const base = [...log.events];
    const { phone, send } = relayCopy(base);
    const lead = phone(10);
    const e = log.add('roster.standby', 'res3', standby('res1'), 'sb');
    const undo = log.add('roster.standby.undone', 'res3', standby('res1'), 'un');
    undo.at = e.at - 1;
    lead.getArray('events').push([e, undo]);
    expect(() => send(lead, [e, undo], resident3)).toThrow(/has_place/);
    // The same with the undoing written under a second client of the lead's, in that update.
    const again = relayCopy(base);
    const two = again.phone(10);
    two.getArray('events').push([e]);
    two.clientID = 11;
    two.getArray('events').push([undo]);
    expect(() => again.send(two, [e, undo], resident3)).toThrow(/has_place/);
  });

  it('is refused with the lead’s own check-in on the standby they were put on, in the same update', () => {
    // The lead res3 signed up first and was put on standby by the committee; res1 holds the place.
    const log = dutyLog(1);
    log.add('roster.signed-up', 'res3', signUp('res3'));
    log.add('roster.signed-up', 'res1', signUp('res1'));
    log.add('roster.standby', 'comm1', standby('res3', 'committee'));
    const { phone, send } = relayCopy(log.events);
    const lead = phone(10);
    const e = log.add('roster.standby', 'res3', standby('res1'));
    const came = log.add('roster.checked-in', 'res3', signUp('res3'));
    lead.getArray('events').push([e, came]);
    expect(() => send(lead, [e, came], resident3)).toThrow(/has_place/);
  });
});
