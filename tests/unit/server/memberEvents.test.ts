import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../shared/events/index.ts';
import { MemberJoined, MemberRevoked, memberJoined, memberRevoked } from '../../../shared/events/member.ts';
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
});
