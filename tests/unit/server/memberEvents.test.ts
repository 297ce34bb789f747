import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../shared/events/index.ts';
import { MemberJoined, MemberRevoked, memberJoined, memberRevoked } from '../../../shared/events/member.ts';

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

  it('a revoked event is by the admin who removed the member and passes its own schema', () => {
    const e = memberRevoked({ id: 'r1', at: 2, by: 'admin1', memberId: 'm2' });
    expect(e).toEqual({ id: 'r1', type: 'member.revoked', at: 2, by: 'admin1', memberId: 'm2' });
    expect(v.is(MemberRevoked, e)).toBe(true);
  });
});
