import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/roles.ts';
import { TICKET_TTL_MS, TicketBook } from '../../../sync-server/auth/TicketBook.ts';

const member = (memberId: string): Member => ({
  memberId,
  compoundId: 'c1',
  name: '王秀英',
  role: 'resident',
  party: 'none',
});

describe('sync tickets', () => {
  it('name their member for a minute, then nobody', () => {
    let now = 1_000;
    const book = new TicketBook(() => now);
    const { ticket, expiresAt } = book.issue(member('m1'));
    expect(expiresAt).toBe(1_000 + TICKET_TTL_MS);
    now = expiresAt - 1;
    expect(book.holder(ticket)).toBe('m1');
    now = expiresAt;
    expect(book.holder(ticket)).toBeUndefined();
    expect(book.holder('made-up')).toBeUndefined();
  });

  it('end together for a member whose token was rotated, and only theirs', () => {
    const book = new TicketBook(() => 0);
    const a = book.issue(member('m1'));
    const b = book.issue(member('m1'));
    const c = book.issue(member('m2'));
    book.forgetMember('m1');
    expect([book.holder(a.ticket), book.holder(b.ticket), book.holder(c.ticket)]).toEqual([undefined, undefined, 'm2']);
  });
});
