import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { compoundSetup, type SetupStepId } from '../../shared/folds/setupSteps.ts';
import type { MemberParty, Role } from '../../shared/roles.ts';
import { TestLog } from './support/TestLog.ts';

/** A compound's log as the set-up card reads it: members (server-written) and the public events. */
function compound() {
  const log = new TestLog();
  const join = (memberId: string, role: Role, party: MemberParty) =>
    log.add('member.joined', memberId, { memberId, name: memberId, role, party });
  const setup = () => {
    const state = foldEvents(log.events);
    return compoundSetup({
      members: Object.values(state.members),
      meetings: state.meetings.meetings,
      funds: state.ledger.funds,
    });
  };
  const done = () => Object.fromEntries(setup().steps.map((s) => [s.id, s.done])) as Record<SetupStepId, boolean>;
  return { log, join, setup, done };
}

describe('a new compound’s set-up steps', () => {
  it('has all four to do right after its founder created it, missing the other two parties', () => {
    const c = compound();
    c.join('founder', 'admin', 'owners');
    expect(c.setup()).toEqual({
      steps: [
        { id: 'parties', done: false },
        { id: 'meeting', done: false },
        { id: 'fund', done: false },
        { id: 'residents', done: false },
      ],
      missingParties: ['community', 'property'],
      left: 4,
    });
  });

  it('lists the parties still missing in community, owners, property order, whatever order they join in', () => {
    const c = compound();
    expect(c.setup().missingParties).toEqual(['community', 'owners', 'property']);
    c.join('p1', 'committee', 'property');
    expect(c.setup().missingParties).toEqual(['community', 'owners']);
    c.join('c1', 'admin', 'community');
    expect(c.setup().missingParties).toEqual(['owners']);
    expect(c.done().parties).toBe(false);
    c.join('o1', 'committee', 'owners');
    expect(c.setup().missingParties).toEqual([]);
    expect(c.done().parties).toBe(true);
  });

  it('counts only active committee members and admins for a party, not residents or partners', () => {
    const c = compound();
    c.join('c1', 'admin', 'community');
    c.join('o1', 'committee', 'owners');
    c.join('p1', 'committee', 'property');
    c.join('r1', 'resident', 'none');
    c.join('u1', 'partner', 'none');
    expect(c.done().parties).toBe(true);
    c.log.add('member.revoked', 'c1', { memberId: 'p1' });
    expect(c.setup().missingParties).toEqual(['property']);
    expect(c.done().parties).toBe(false);
  });

  it('ticks the meeting step for a meeting scheduled, and not once its only meeting is cancelled', () => {
    const c = compound();
    c.join('c1', 'admin', 'community');
    expect(c.done().meeting).toBe(false);
    c.log.add('meeting.scheduled', 'c1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: c.log.at + 86_400_000,
      place: '议事厅',
    });
    expect(c.done().meeting).toBe(true);
    c.log.add('meeting.cancelled', 'c1', { meetingId: 'm1', reason: '下雨' });
    expect(c.done().meeting).toBe(false);
  });

  it('ticks the fund step once a fund is open', () => {
    const c = compound();
    c.join('c1', 'admin', 'community');
    expect(c.done().fund).toBe(false);
    c.log.add('ledger.fund.opened', 'c1', { name: '公共收益', kind: 'shared-account' });
    expect(c.done().fund).toBe(true);
  });

  it('ticks the residents step once a resident is a member, and not after their removal', () => {
    const c = compound();
    c.join('c1', 'admin', 'community');
    c.join('u1', 'partner', 'none');
    expect(c.done().residents).toBe(false);
    c.join('r1', 'resident', 'none');
    expect(c.done().residents).toBe(true);
    c.log.add('member.revoked', 'c1', { memberId: 'r1' });
    expect(c.done().residents).toBe(false);
  });

  it('has nothing left once every step is done', () => {
    const c = compound();
    c.join('c1', 'admin', 'community');
    c.join('o1', 'committee', 'owners');
    c.join('p1', 'committee', 'property');
    c.join('r1', 'resident', 'none');
    c.log.add('meeting.scheduled', 'c1', { meetingId: 'm1', kind: 'three-party', startsAt: c.log.at, place: '议事厅' });
    c.log.add('ledger.fund.opened', 'c1', { name: '公共收益', kind: 'shared-account' });
    expect(c.setup().left).toBe(0);
    expect(c.setup().steps.every((s) => s.done)).toBe(true);
  });
});
