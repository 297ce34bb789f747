import { describe, expect, it } from 'vitest';
import type { Refusal } from '../../shared/errors.ts';
import { RejectReason, RuleCode, RuleError } from '../../shared/errors.ts';
import type { AppEvent, EventType } from '../../shared/events/index.ts';
import { eventTypes } from '../../shared/events/index.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocKind } from '../../shared/rooms.ts';
import type { Who } from '../../shared/rules/permissions.ts';
import { checkEvent, mayAppend, permissions } from '../../shared/rules/permissions.ts';
import { examplePayloads } from './support/exampleEvents.ts';
import { admin, community, owners, partner, property, resident, resident2 } from './support/members.ts';

/** The table restated independently: a wrong row in permissions.ts fails here. */
const expected: Record<EventType, [DocKind, Who]> = {
  'request.raised': ['public', 'member'],
  'request.edited': ['public', 'member'],
  'request.classified': ['public', 'committee'],
  'request.merged': ['public', 'committee'],
  'request.scheduled': ['public', 'committee'],
  'request.tallied': ['public', 'committee'],
  'request.voted': ['public', 'member'],
  'request.decided': ['public', 'committee'],
  'request.decision.upheld': ['public', 'committee'],
  'request.confirmed': ['public', 'member'],
  'request.assigned': ['public', 'committee'],
  'request.progressed': ['public', 'committee'],
  'request.escalated': ['public', 'committee'],
  'request.answered': ['public', 'committee'],
  'request.completed': ['public', 'committee'],
  'request.rated': ['public', 'member'],
  'request.reopened': ['public', 'committee'],
  'request.withdrawn': ['public', 'member'],
  'roster.team.created': ['public', 'committee'],
  'roster.team.edited': ['public', 'committee'],
  'roster.duty.created': ['public', 'committee'],
  'roster.duty.cancelled': ['public', 'committee'],
  'roster.signed-up': ['public', 'member'],
  'roster.withdrew': ['public', 'member'],
  'roster.checked-in': ['public', 'member'],
  'roster.checked-out': ['public', 'member'],
  'roster.attendance.corrected': ['public', 'member'],
  'roster.standby': ['public', 'member'],
  'roster.standby.undone': ['public', 'member'],
  'roster.duty.slots-raised': ['public', 'member'],
  'care.household.registered': ['committee', 'committee'],
  'care.visit.logged': ['committee', 'committee'],
  'care.visitor.assigned': ['committee', 'committee'],
  'care.household.closed': ['committee', 'committee'],
  'unit.registered': ['committee', 'committee'],
  'unit.removed': ['committee', 'committee'],
  'points.rule.defined': ['public', 'committee'],
  'points.awarded': ['public', 'committee'],
  'points.goods.listed': ['public', 'committee'],
  'points.goods.restocked': ['public', 'committee'],
  'points.goods.counted': ['public', 'committee'],
  'points.redeemed': ['public', 'committee'],
  'points.corrected': ['public', 'committee'],
  'points.thanks-wall.set': ['public', 'committee'],
  'ledger.fund.opened': ['public', 'committee'],
  'ledger.income.recorded': ['public', 'committee'],
  'ledger.expense.proposed': ['public', 'committee'],
  'ledger.expense.approved': ['public', 'committee'],
  'ledger.expense.refused': ['public', 'committee'],
  'ledger.expense.paid': ['public', 'committee'],
  'ledger.reversed': ['public', 'committee'],
  'ledger.tier.set': ['public', 'admin'],
  'ledger.expense.assembly-linked': ['public', 'committee'],
  'practice.profile.registered': ['public', 'member'],
  'practice.published': ['needs', 'committee'],
  'practice.claimed': ['needs', 'member'],
  'practice.reported': ['needs', 'member'],
  'practice.accepted': ['needs', 'committee'],
  'grid.building-lead.named': ['public', 'committee'],
  'grid.neighbour-lead.named': ['public', 'committee'],
  'grid.lead.ended': ['public', 'committee'],
  'meeting.scheduled': ['public', 'committee'],
  'meeting.cancelled': ['public', 'committee'],
  'meeting.topics.ordered': ['public', 'committee'],
  'minutes.signed-in': ['minutes', 'member'],
  'minutes.item.taken-up': ['minutes', 'committee'],
  'minutes.decision.recorded': ['minutes', 'committee'],
  'minutes.action.created': ['minutes', 'committee'],
  'minutes.action.done': ['minutes', 'member'],
  'minutes.signed-off': ['minutes', 'committee'],
  'minutes.amended': ['minutes', 'committee'],
  'minutes.decision.upheld': ['minutes', 'committee'],
  'member.joined': ['members', 'server'],
  'member.revoked': ['members', 'server'],
  'member.role-changed': ['members', 'server'],
};

/** Types whose rule also asks for the author's own party (the examples name the owners). */
const partyBound = new Set<EventType>(['ledger.expense.approved', 'ledger.expense.refused', 'minutes.signed-off']);
const docs: DocKind[] = ['public', 'committee', 'members', 'minutes', 'needs'];

function event(type: EventType, by: Member, extra: Record<string, unknown> = {}): unknown {
  return {
    id: `${type}-1`,
    type,
    at: Date.parse('2024-05-06T01:00:00Z'),
    by: by.memberId,
    ...examplePayloads[type],
    ...extra,
  };
}

/** Runs checkEvent and returns the refusal reason, or 'ok'. */
function verdict(json: unknown, member: Member, doc: DocKind): string {
  try {
    checkEvent(json, member, doc);
    return 'ok';
  } catch (error) {
    if (error instanceof RuleError) return error.reason;
    throw error;
  }
}

/** A member the rule allows, and one just below it (none below 'member'). */
function authors(type: EventType, who: Who): { allowed?: Member; refused?: Member } {
  const committeeAuthor = partyBound.has(type) ? owners : community;
  switch (who) {
    case 'member':
      // Only partner units claim on the needs board.
      return { allowed: type === 'practice.claimed' ? partner : resident };
    case 'committee':
      return { allowed: committeeAuthor, refused: resident };
    case 'admin':
      return { allowed: admin, refused: committeeAuthor };
    case 'server':
      return { refused: admin };
  }
}

describe('the permission table', () => {
  it('has a row for every event type and no other', () => {
    expect(Object.keys(permissions).sort()).toEqual([...eventTypes].sort());
    expect(Object.keys(expected).sort()).toEqual([...eventTypes].sort());
  });

  describe.each(eventTypes)('%s', (type) => {
    const [doc, who] = expected[type];
    const { allowed, refused } = authors(type, who);

    it(`belongs in ${doc} and needs ${who}`, () => {
      expect(permissions[type].doc).toBe(doc);
      expect(permissions[type].who).toBe(who);
    });

    it('passes for an allowed author in its document', () => {
      if (allowed) expect(verdict(event(type, allowed), allowed, doc)).toBe('ok');
      if (allowed) expect(mayAppend(type, allowed)).toBe(true);
    });

    it('is refused as not permitted for an author below the rule', () => {
      if (!refused) return;
      expect(verdict(event(type, refused), refused, doc)).toBe(RejectReason.NotPermitted);
      expect(mayAppend(type, refused)).toBe(false);
    });

    it('is refused in any other document', () => {
      const author = allowed ?? admin;
      for (const other of docs.filter((d) => d !== doc))
        expect(verdict(event(type, author), author, other)).toBe(RejectReason.WrongDocument);
    });

    it('is refused when it names another author', () => {
      const author = allowed ?? admin;
      expect(verdict(event(type, resident2), author, doc)).toBe(RejectReason.ForgedAuthor);
    });

    it('is refused when it fails its schema', () => {
      const author = allowed ?? admin;
      expect(verdict(event(type, author, { at: 'yesterday' }), author, doc)).toBe(RejectReason.Schema);
    });
  });

  it('refuses an unknown type', () => {
    expect(verdict({ id: 'x', type: 'request.deleted', at: 1, by: 'res1' }, resident, 'public')).toBe(
      RejectReason.UnknownType,
    );
  });

  it('returns the parsed event when allowed', () => {
    const e = event('request.raised', resident) as AppEvent;
    expect(checkEvent(e, resident, 'public')).toEqual(e);
  });
});

describe('party rules', () => {
  for (const type of ['ledger.expense.approved', 'ledger.expense.refused'] as const) {
    it(`an owners' ${type.split('.')[2]} recorded by the property company is refused`, () => {
      expect(verdict(event(type, property, { party: 'owners' }), property, 'public')).toBe(RejectReason.NotPermitted);
    });
    it(`each party records its own ${type.split('.')[2]}`, () => {
      for (const m of [community, owners, property])
        expect(verdict(event(type, m, { party: m.party }), m, 'public')).toBe('ok');
    });
  }

  it("an owners' sign-off of the minutes by the community is refused", () => {
    expect(verdict(event('minutes.signed-off', community, { party: 'owners' }), community, 'minutes')).toBe(
      RejectReason.NotPermitted,
    );
  });

  it('an admin of the community may not approve for the owners', () => {
    expect(verdict(event('ledger.expense.approved', admin, { party: 'owners' }), admin, 'public')).toBe(
      RejectReason.NotPermitted,
    );
  });
});

describe('payload rules', () => {
  const cases: [string, EventType, Member, Record<string, unknown>, DocKind, string][] = [
    ['a resident signs up someone else', 'roster.signed-up', resident, { memberId: 'res2' }, 'public', 'not_permitted'],
    [
      'a resident checks in someone else',
      'roster.checked-in',
      resident,
      { memberId: 'res2' },
      'public',
      'not_permitted',
    ],
    [
      'a resident checks out someone else',
      'roster.checked-out',
      resident,
      { memberId: 'res2' },
      'public',
      'not_permitted',
    ],
    ['a resident withdraws someone else', 'roster.withdrew', resident, { memberId: 'res2' }, 'public', 'not_permitted'],
    [
      'a resident corrects a check-in as the committee',
      'roster.attendance.corrected',
      resident,
      { as: 'committee' },
      'public',
      'not_permitted',
    ],
    [
      'a resident sets a standby as the committee',
      'roster.standby',
      resident,
      { as: 'committee' },
      'public',
      'not_permitted',
    ],
    [
      'a resident takes a standby back as the committee',
      'roster.standby.undone',
      resident,
      { as: 'committee' },
      'public',
      'not_permitted',
    ],
    [
      'a resident raises the places as the committee',
      'roster.duty.slots-raised',
      resident,
      { as: 'committee' },
      'public',
      'not_permitted',
    ],
    [
      'a resident raises the places as lead (the fold checks the lead)',
      'roster.duty.slots-raised',
      resident,
      { as: 'lead' },
      'public',
      'ok',
    ],
    [
      'a committee member sets a standby as the committee',
      'roster.standby',
      community,
      { as: 'committee' },
      'public',
      'ok',
    ],
    [
      'a correction whose check-out comes before its check-in',
      'roster.attendance.corrected',
      community,
      { as: 'committee', checkedOutAt: Date.parse('2024-05-31T23:00:00Z') },
      'public',
      'not_permitted',
    ],
    [
      'a committee member corrects a check-in as the committee',
      'roster.attendance.corrected',
      community,
      { as: 'committee' },
      'public',
      'ok',
    ],
    [
      'a committee member signs up a resident on paper',
      'roster.signed-up',
      community,
      { memberId: 'res2' },
      'public',
      'ok',
    ],
    [
      'a resident signs themself in to a meeting',
      'minutes.signed-in',
      resident,
      { attendee: { memberId: 'res1', party: 'none' } },
      'minutes',
      'ok',
    ],
    [
      'a resident signs someone else in to a meeting',
      'minutes.signed-in',
      resident,
      { attendee: { memberId: 'res2', party: 'none' } },
      'minutes',
      'not_permitted',
    ],
    [
      'a resident signs in a guest by name',
      'minutes.signed-in',
      resident,
      { attendee: { name: '张大爷', party: 'none' } },
      'minutes',
      'not_permitted',
    ],
    [
      'a resident signs themself in for a party they are not in',
      'minutes.signed-in',
      resident,
      { attendee: { memberId: 'res1', party: 'owners' } },
      'minutes',
      'not_permitted',
    ],
    [
      'a committee member signs in a guest by name (assisted)',
      'minutes.signed-in',
      community,
      { attendee: { name: '张大爷', party: 'none' } },
      'minutes',
      'ok',
    ],
    [
      'a resident registers someone else',
      'practice.profile.registered',
      resident,
      { memberId: 'res2' },
      'public',
      'not_permitted',
    ],
    [
      'a profile with a tag twice',
      'practice.profile.registered',
      resident,
      { tags: ['grid-worker', 'grid-worker'] },
      'public',
      'not_permitted',
    ],
    [
      'a resident enters a paper confirmation',
      'request.confirmed',
      resident,
      { onPaper: { names: ['王秀英'], photos: ['a'.repeat(64)] } },
      'public',
      'not_permitted',
    ],
    [
      'a recorder enters a paper confirmation',
      'request.confirmed',
      community,
      { onPaper: { names: ['王秀英'], photos: ['a'.repeat(64)] } },
      'public',
      'ok',
    ],
    [
      'a request merged into itself',
      'request.merged',
      community,
      { requestId: 'r1', intoId: 'r1' },
      'public',
      'not_permitted',
    ],
    [
      'an escalation to an unnamed department',
      'request.escalated',
      community,
      { to: 'department', department: undefined },
      'public',
      'not_permitted',
    ],
    [
      'an escalation to the community with a department',
      'request.escalated',
      community,
      { to: 'community' },
      'public',
      'not_permitted',
    ],
    [
      'an escalation to the community',
      'request.escalated',
      community,
      { to: 'community', department: undefined },
      'public',
      'ok',
    ],
    ['an edit changing nothing', 'request.edited', resident, { detail: undefined }, 'public', 'not_permitted'],
    ['an award naming a rule and an amount', 'points.awarded', community, { amount: 10 }, 'public', 'not_permitted'],
    ['an award naming neither', 'points.awarded', community, { ruleId: undefined }, 'public', 'not_permitted'],
    ['an award of an amount', 'points.awarded', community, { ruleId: undefined, amount: 20 }, 'public', 'ok'],
    [
      'points by hand for oneself',
      'points.awarded',
      community,
      { memberId: community.memberId },
      'public',
      'not_permitted',
    ],
    [
      'an amount for oneself',
      'points.awarded',
      community,
      { memberId: community.memberId, ruleId: undefined, amount: 20 },
      'public',
      'not_permitted',
    ],
    [
      'a re-award for oneself naming a duty',
      'points.awarded',
      community,
      { memberId: community.memberId, ruleId: undefined, amount: 20, dutyId: 'd1' },
      'public',
      'not_permitted',
    ],
    [
      'one’s own suggested award confirmed',
      'points.awarded',
      community,
      { memberId: community.memberId, dutyId: 'd1', units: 2 },
      'public',
      'ok',
    ],
    ['a rule worth nothing', 'points.rule.defined', community, { points: 0 }, 'public', 'not_permitted'],
    [
      'a duty ending before it starts',
      'roster.duty.created',
      community,
      { start: '10:00', end: '09:00' },
      'public',
      'not_permitted',
    ],
    [
      'a listing of a request and a wish',
      'practice.published',
      community,
      { requestId: 'r1' },
      'needs',
      'not_permitted',
    ],
    [
      'a wish naming a resident in full',
      'practice.published',
      community,
      { wish: { title: '换电扇', forName: '王小明' } },
      'needs',
      'not_permitted',
    ],
    [
      'a wish for a masked name',
      'practice.published',
      community,
      { wish: { title: '换电扇', forName: '王*' } },
      'needs',
      'ok',
    ],
    ['a claim by a resident', 'practice.claimed', resident, {}, 'needs', 'not_permitted'],
    [
      'a claim in another unit’s name',
      'practice.claimed',
      partner,
      { unitName: '顺丰快递站' },
      'needs',
      'not_permitted',
    ],
    ['a claim a committee member records for a unit', 'practice.claimed', community, {}, 'needs', 'ok'],
  ];
  it.each(cases)('%s: %s', (_, type, member, extra, doc, want) => {
    expect(verdict(event(type, member, extra), member, doc)).toBe(want);
  });
});

describe('what a refusal names', () => {
  /** Runs checkEvent and returns the refusal it throws. */
  function refusal(json: unknown, member: Member, doc: DocKind): Refusal | undefined {
    try {
      checkEvent(json, member, doc);
      return undefined;
    } catch (error) {
      if (error instanceof RuleError) return error.refusal;
      throw error;
    }
  }

  it('names who may append a type when the role falls short', () => {
    expect(refusal(event('request.decided', resident), resident, 'public')).toEqual({
      reason: 'not_permitted',
      type: 'request.decided',
      who: 'committee',
    });
  });

  it('names the party an approval must come from', () => {
    expect(refusal(event('ledger.expense.approved', property, { party: 'owners' }), property, 'public')).toEqual({
      reason: 'not_permitted',
      type: 'ledger.expense.approved',
      rule: { code: RuleCode.OwnParty, party: 'owners' },
    });
  });

  it('names the payload rule an event breaks', () => {
    expect(refusal(event('points.rule.defined', community, { points: 0 }), community, 'public')).toEqual({
      reason: 'not_permitted',
      type: 'points.rule.defined',
      rule: { code: RuleCode.RuleWorthNothing },
    });
  });

  it('names points given by hand to oneself', () => {
    expect(refusal(event('points.awarded', community, { memberId: community.memberId }), community, 'public')).toEqual({
      reason: 'not_permitted',
      type: 'points.awarded',
      rule: { code: RuleCode.AwardToSelf },
    });
  });

  it('names the document an event belongs in, and the type of a malformed or forged one', () => {
    expect(refusal(event('minutes.amended', community), community, 'public')).toEqual({
      reason: 'wrong_document',
      type: 'minutes.amended',
      doc: 'minutes',
    });
    expect(refusal(event('request.raised', resident, { at: 'yesterday' }), resident, 'public')).toEqual({
      reason: 'schema',
      type: 'request.raised',
    });
    expect(refusal(event('request.raised', resident2), resident, 'public')).toEqual({
      reason: 'forged_author',
      type: 'request.raised',
    });
    expect(refusal({ id: 'x', type: 'request.deleted', at: 1, by: 'res1' }, resident, 'public')).toEqual({
      reason: 'unknown_type',
      type: 'request.deleted',
    });
  });

  it('keeps the English detail for logs in the message only', () => {
    const error = (() => {
      try {
        checkEvent(event('request.decided', resident), resident, 'public');
      } catch (e) {
        return e as RuleError;
      }
    })();
    expect(error?.message).toBe('not_permitted: request.decided needs committee');
  });
});
