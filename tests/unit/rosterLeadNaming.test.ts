import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { heldEvents } from '../../shared/rules/causalPast.ts';
import { everyMergeOrder, reasonOf } from './support/everyMergeOrder.ts';
import { community, resident } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog, overfullDuty } from './support/rosterLog.ts';

/**
 * A step as the team's lead (standby, its undoing, a raise, a correction) from a member no naming
 * before it names lead: the fold ignores it, so the relay refuses it (an honest phone shows the
 * lead's buttons only to the lead its copy names), and a sign-up's place count skips one already in
 * a log, as the fold does. Team t1 was created with res3 as lead and never edited.
 */

const asLead = (memberId: string) => ({ dutyId: 'd1', teamId: 't1', memberId, as: 'lead' as const });
const signUp = (memberId: string) => ({ dutyId: 'd1', memberId });
const as = (memberId: string) => ({ ...resident, memberId, name: memberId });

/** One place, freed by res1's withdrawal; res2 waits on standby (set by the lead, res3). */
function freedPlace() {
  const log = dutyLog(1);
  log.add('roster.signed-up', 'res1', signUp('res1'));
  log.add('roster.signed-up', 'res2', signUp('res2'));
  log.add('roster.standby', 'res3', asLead('res2'));
  log.add('roster.withdrew', 'res1', signUp('res1'));
  return log;
}

describe('a step as lead from a member never named lead (review, 2026-12-05)', () => {
  it('is refused: a 取消候补 by a resident of a team never edited', () => {
    // Before, only `roster.team.edited` named leads for the relay: a team never edited let anyone through.
    const log = freedPlace();
    const { phone, send } = relayCopy(log.events);
    const res5 = phone(5);
    const bogus = log.add('roster.standby.undone', 'res5', asLead('res2'));
    res5.getArray('events').push([bogus]);
    expect(() => send(res5, [bogus], as('res5'))).toThrow(/not_lead/);
  });

  it('already in a log, frees no place for a sign-up’s count: two sign-ups for the free place are both kept', () => {
    // Before, the fold ignored the undoing but the relay's count seated res2 by it: of two neighbours
    // taking the place the fold showed free, the second was refused `no_free_slot` and reset.
    const log = freedPlace();
    log.add('roster.standby.undone', 'res5', asLead('res2'), 'bogus');
    const s = foldEvents(log.events);
    expect(reasonOf(s, 'bogus')).toEqual({ code: 'not_lead' });
    expect(s.rosters.duties.d1?.freeSlots).toBe(1);
    const [res6, res4] = [
      log.add('roster.signed-up', 'res6', signUp('res6')),
      log.add('roster.signed-up', 'res4', signUp('res4')),
    ];
    const [first, second] = everyMergeOrder(log.events.slice(0, -2), [
      { events: [res6], member: as('res6') },
      { events: [res4], member: as('res4') },
    ]);
    for (const { state } of [first!, second!]) {
      const duty = state.rosters.duties.d1!;
      expect(Object.keys(duty.signups).length + Object.keys(duty.overfull).length).toBe(2);
    }
  });

  it('is refused: a 改为候补 by a resident on a seated volunteer, sent with a sign-up stamped before theirs', () => {
    const log = dutyLog(1);
    const held = log.add('roster.signed-up', 'res1', signUp('res1'));
    const { phone, send } = relayCopy(log.events);
    const res5 = phone(5);
    const bogus = log.add('roster.standby', 'res5', asLead('res1'));
    const early = log.add('roster.signed-up', 'res5', signUp('res5'));
    early.at = held.at - 60_000;
    res5.getArray('events').push([bogus, early]);
    expect(() => send(res5, [bogus, early], as('res5'))).toThrow(/not_lead/);
  });

  it('already in a log, frees no place for a backdated sign-up', () => {
    // Before, the relay's count took res1 off the places for a standby the fold ignored, so a sign-up
    // stamped before res1's took their place.
    const log = dutyLog(1);
    const held = log.add('roster.signed-up', 'res1', signUp('res1'));
    log.add('roster.standby', 'res5', asLead('res1'));
    const { phone, send } = relayCopy(log.events);
    const res5 = phone(5);
    const early = log.add('roster.signed-up', 'res5', signUp('res5'));
    early.at = held.at - 60_000;
    res5.getArray('events').push([early]);
    expect(() => send(res5, [early], as('res5'))).toThrow(/no_free_slot/);
  });

  it('made while the committee named its author lead offline is refused in every merge order', () => {
    // Before, it was kept, and counted or not as Yjs put it after the naming or before.
    const log = overfullDuty();
    const base = [...log.events];
    const naming = log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res7' });
    const bogus = log.add('roster.standby', 'res7', asLead('res2'));
    const orders = everyMergeOrder(
      base,
      [
        { events: [naming], member: community },
        { events: [bogus], member: as('res7') },
      ],
      'public',
      'collect',
    );
    for (const { refused, state } of orders) {
      expect(refused).toEqual([1]);
      expect(state.rosters.teams.t1?.leaderId).toBe('res7');
      expect(Object.keys(state.rosters.duties.d1?.overfull ?? {})).toEqual(['res2']);
    }
  });

  it('is kept from a lead whose naming the step’s causal past does not reach', () => {
    // The causal past misses what a phone held when an offline phone's write, placed last, has
    // origins older than the naming: a lead judged on it would be refused for a naming they saw.
    const log = overfullDuty();
    const { relay, phone, send, events } = relayCopy(log.events);
    const [comm, offline] = [phone(10), phone(90)];
    const naming = log.add('roster.team.edited', 'comm1', { teamId: 't1', leaderId: 'res7' }, 'named');
    comm.getArray('events').push([naming]);
    send(comm, [naming], community);
    const late = log.add(
      'request.raised',
      'res4',
      { title: '路灯坏了', category: 'lighting', detail: '', location: '3号楼' },
      'late',
    );
    offline.getArray('events').push([late]);
    send(offline, [late], as('res4'));
    const lead = phone(20, relay);
    const e = log.add('roster.standby', 'res7', asLead('res2'), 'sb');
    lead.getArray('events').push([e]);
    expect(heldEvents(lead.getArray('events'), 'sb', ['named', 'late'])).toEqual(new Set(['late']));
    expect(() => send(lead, [e], as('res7'))).not.toThrow();
    expect(Object.keys(foldEvents(events()).rosters.duties.d1?.standby ?? {})).toEqual(['res2']);
  });
});
