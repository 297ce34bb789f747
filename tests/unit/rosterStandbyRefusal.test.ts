import { describe, expect, it } from 'vitest';
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
