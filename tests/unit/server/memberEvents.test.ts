import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../shared/events/index.ts';
import {
  MemberJoined,
  MemberRevoked,
  MemberRoleChanged,
  memberJoined,
  memberRevoked,
  memberRoleChanged,
} from '../../../shared/events/member.ts';
import { foldEvents } from '../../../shared/folds/foldEvents.ts';

describe('events the server writes into the members document', () => {
  it('a joined event is by the member who joined and passes its own schema', () => {
    const e = memberJoined({
      id: 'j1',
      at: 1_700_000_000_000,
      memberId: 'm1',
      name: '王秀英',
      role: 'admin',
      party: 'owners',
    });
    expect(e).toEqual({
      id: 'j1',
      type: 'member.joined',
      at: 1_700_000_000_000,
      by: 'm1',
      memberId: 'm1',
      name: '王秀英',
      role: 'admin',
      party: 'owners',
    });
    expect(v.is(MemberJoined, e)).toBe(true);
    expect(parseEvent(e)).toEqual({ ok: true, event: e });
  });

  it('a resident joins with no party', () => {
    const e = memberJoined({ id: 'j2', at: 1, memberId: 'm2', name: '居民', role: 'resident', party: 'none' });
    expect(v.is(MemberJoined, e)).toBe(true);
  });

  it('a joined event names whose invite let the member in, and the members fold keeps it', () => {
    const founder = memberJoined({ id: 'j0', at: 1, memberId: 'm0', name: '王秀英', role: 'admin', party: 'owners' });
    const e = memberJoined({
      id: 'j3',
      at: 2,
      memberId: 'm3',
      name: '物业经理',
      role: 'committee',
      party: 'property',
      invitedBy: 'm0',
    });
    expect(e.invitedBy).toBe('m0');
    expect(Object.keys(founder)).not.toContain('invitedBy');
    expect(v.is(MemberJoined, e)).toBe(true);
    const { members } = foldEvents([founder, e]);
    expect(members.m3?.invitedBy).toBe('m0');
    expect(Object.keys(members.m0 ?? {})).not.toContain('invitedBy');
  });

  it('a joined event written before inviters were recorded still parses; a malformed inviter does not', () => {
    const old = {
      id: 'j4',
      type: 'member.joined',
      at: 1,
      by: 'm4',
      memberId: 'm4',
      name: '老居民',
      role: 'resident',
      party: 'none',
    };
    expect(parseEvent(old)).toEqual({ ok: true, event: old });
    expect(v.is(MemberJoined, { ...old, invitedBy: 'not an id!' })).toBe(false);
  });

  it('a revoked event is by the admin who removed the member and passes its own schema', () => {
    const e = memberRevoked({ id: 'r1', at: 2, by: 'admin1', memberId: 'm2' });
    expect(e).toEqual({ id: 'r1', type: 'member.revoked', at: 2, by: 'admin1', memberId: 'm2' });
    expect(v.is(MemberRevoked, e)).toBe(true);
  });

  it('a role change makes a committee member an admin and back, and is ignored for anyone else', () => {
    const founder = memberJoined({
      id: 'j0',
      at: 1,
      memberId: 'm0',
      name: '王秀英',
      role: 'admin',
      party: 'community',
    });
    const owners = memberJoined({
      id: 'j1',
      at: 2,
      memberId: 'm1',
      name: '张主任',
      role: 'committee',
      party: 'owners',
    });
    const resident = memberJoined({ id: 'j2', at: 3, memberId: 'm2', name: '李叔', role: 'resident', party: 'none' });
    const up = memberRoleChanged({ id: 'r1', at: 4, by: 'm0', memberId: 'm1', role: 'admin' });
    const down = memberRoleChanged({ id: 'r2', at: 5, by: 'm1', memberId: 'm0', role: 'committee' });
    expect(v.is(MemberRoleChanged, up)).toBe(true);
    expect(parseEvent({ ...up, role: 'resident' }).ok).toBe(false);
    const handedOver = foldEvents([founder, owners, resident, up, down]);
    expect([handedOver.members.m0?.role, handedOver.members.m1?.role]).toEqual(['committee', 'admin']);
    // Two instances append to their own copies: the later change holds whichever lands last in the log.
    const back = memberRoleChanged({ id: 'r9', at: 10, by: 'm1', memberId: 'm0', role: 'admin' });
    for (const order of [
      [down, back],
      [back, down],
    ])
      expect(foldEvents([founder, owners, up, ...order]).members.m0?.role).toBe('admin');
    expect(handedOver.members.m0?.party).toBe('community');

    const residentUp = memberRoleChanged({ id: 'r3', at: 6, by: 'm1', memberId: 'm2', role: 'admin' });
    const unknown = memberRoleChanged({ id: 'r4', at: 7, by: 'm1', memberId: 'nobody', role: 'admin' });
    const revoked = memberRevoked({ id: 'v1', at: 8, by: 'm1', memberId: 'm0' });
    const afterRevoked = memberRoleChanged({ id: 'r5', at: 9, by: 'm1', memberId: 'm0', role: 'admin' });
    const s = foldEvents([founder, owners, resident, up, down, residentUp, unknown, revoked, afterRevoked]);
    expect(s.members.m2?.role).toBe('resident');
    expect(s.members.m0?.role).toBe('committee');
    expect(s.anomalies.map((a) => [a.eventId, a.reason.code])).toEqual([
      ['r3', 'not_committee'],
      ['r4', 'no_such'],
      ['r5', 'already_revoked'],
    ]);
  });
});
