import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import type { AppEvent, EventType } from '../../shared/events/index.ts';
import { permissions } from '../../shared/rules/permissions.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { addMember, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/**
 * Every row of the permission table, through the real relay with the stock client: the member the
 * row allows gets the event stored and forwarded; the member it refuses is closed and nothing lands.
 */
const sample = generateCompound({ seed: 11, scale: 'five-years' });
const samples = new Map<string, Record<string, unknown>>();
for (const e of [
  ...sample.publicEvents,
  ...sample.committeeEvents,
  ...sample.needsEvents,
  ...Object.values(sample.minutes).flat(),
]) {
  if (!samples.has(e.type)) samples.set(e.type, e as unknown as Record<string, unknown>);
}
// Types the generator never writes: the smallest valid event of each.
const base = { id: 'x', at: 1_700_000_000_000, by: 'x' };
for (const e of [
  { ...base, type: 'request.edited', requestId: 'r1', title: '改一下标题' },
  { ...base, type: 'request.tallied', requestId: 'r1', tally: { for: 12, against: 2, abstain: 1 } },
  { ...base, type: 'request.reopened', requestId: 'r1', reason: '问题又出现了' },
  { ...base, type: 'roster.team.edited', teamId: 't1', name: '背老人下楼志愿队' },
  { ...base, type: 'care.visitor.assigned', householdId: 'h1', visitorId: 'x' },
  {
    ...base,
    type: 'roster.attendance.corrected',
    dutyId: 'd1',
    teamId: 't1',
    memberId: 'x',
    checkedInAt: 1_700_000_000_000,
    checkedOutAt: 1_700_007_200_000,
    reason: '忘了签退',
    as: 'lead',
  },
  { ...base, type: 'roster.standby', dutyId: 'd1', teamId: 't1', memberId: 'x', as: 'lead' },
  { ...base, type: 'roster.standby.undone', dutyId: 'd1', teamId: 't1', memberId: 'x', as: 'lead' },
  { ...base, type: 'roster.duty.slots-raised', dutyId: 'd1', teamId: 't1', slots: 3, as: 'lead' },
  { ...base, type: 'unit.registered', building: '3号楼', room: '401', area: 8550, owners: [{ name: '王芳' }] },
  { ...base, type: 'unit.removed', building: '3号楼', room: '401' },
  { ...base, type: 'ledger.tier.set', limitFen: 3_000_000, from: '2024-01-01' },
  { ...base, type: 'points.thanks-wall.set', on: true },
  {
    ...base,
    type: 'ledger.expense.assembly-linked',
    expenseId: 'x1',
    meetingId: 'm1',
    decisionId: 'd1',
    assembly: {
      matter: 'ordinary',
      areaFor: 6,
      areaAgainst: 1,
      areaTakingPart: 8,
      ownersFor: 6,
      ownersAgainst: 1,
      ownersTakingPart: 8,
    },
  },
  { ...base, type: 'meeting.topics.ordered', meetingId: 'm1', requestIds: ['r2', 'r1'] },
  { ...base, type: 'points.goods.counted', goodsId: 'g1', counted: 9, expected: 10 },
  { ...base, type: 'minutes.action.done', actionId: 'a1', owner: { memberId: 'x' } },
  { ...base, type: 'minutes.decision.upheld', decisionId: 'd1' },
  { ...base, type: 'request.decision.upheld', requestId: 'r1', decisionId: 'd1' },
  {
    ...base,
    type: 'grid.neighbour-lead.named',
    building: '3号楼',
    memberId: 'x',
    households: [{ room: '401' }],
    replaces: [],
  },
  { ...base, type: 'grid.lead.ended', role: 'building', building: '3号楼', memberId: 'x', replaces: [] },
]) {
  if (!samples.has(e.type)) samples.set(e.type, e);
}

const partyRows = new Set(['ledger.expense.approved', 'ledger.expense.refused', 'minutes.signed-off']);
const docNameOf = (kind: string) => (kind === 'minutes' ? 'minutes-m1' : kind);

describe('the permission table, enforced by the relay', () => {
  const server = useTestServer({ MAX_CONNECTIONS_PER_MEMBER: '500' }, { per: 'block' });
  let admin: Session;
  let resident: Session;
  let owners: Session;
  let property: Session;
  let partner: Session;
  const watchers = new Map<string, TestClient>();

  beforeAll(async () => {
    admin = await createCompound(server.url, { party: 'community' });
    resident = await addMember(server.url, admin, { role: 'resident' }, '居民老陈');
    owners = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老刘');
    property = await addMember(server.url, admin, { role: 'committee', party: 'property' }, '物业小周');
    partner = await addMember(server.url, admin, { role: 'partner', unit: '惠民药房' }, '药房小陈');
    for (const doc of ['public', 'committee', 'minutes-m1', 'needs']) {
      const w = server.connect(admin, doc);
      watchers.set(doc, w);
      await synced(w);
    }
  });

  let n = 0;
  function eventFor(type: string, actor: Session, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const e: Record<string, unknown> = {
      ...samples.get(type)!,
      id: `perm-${type}-${n++}`,
      at: Date.now(),
      by: actor.memberId,
    };
    if (partyRows.has(type)) e.party = actor.party;
    if (permissions[type as EventType].who === 'member') {
      if ('memberId' in e) e.memberId = actor.memberId;
      if ('attendee' in e) e.attendee = { memberId: actor.memberId, party: actor.party };
      if ('owner' in e) e.owner = { memberId: actor.memberId };
      delete e.onPaper;
      delete e.photos;
    }
    return { ...e, ...overrides };
  }

  /**
   * Pushes one event as `actor`; resolves with 'stored', 'causal' (the table let it through and a
   * causal rule refused it: what it names is not in this test's documents) or the close code.
   */
  async function attempt(
    actor: Session,
    docName: string,
    event: Record<string, unknown>,
  ): Promise<'stored' | 'causal' | number> {
    const c = server.connect(actor, docName);
    await eventually(() => expect(c.provider.synced || c.closes.length > 0).toBe(true));
    if (c.closes.length > 0) return c.closes[0]!.code;
    c.events.push([event]);
    const watcher = watchers.get(docName)!;
    const closed = () => {
      const close = c.closes[0]!;
      return close.code === CloseCode.UpdateRejected && close.reason.startsWith('causal_rule') ? 'causal' : close.code;
    };
    return eventually(() => {
      if (c.closes.length > 0) return closed();
      const seen = (watcher.events.toArray() as { id: string }[]).some((e) => e.id === event.id);
      expect(seen).toBe(true);
      return 'stored' as const;
    });
  }

  for (const [type, rule] of Object.entries(permissions) as [EventType, (typeof permissions)[EventType]][]) {
    if (rule.who === 'server') {
      it(`${type}: nobody but the server writes it (an admin is refused)`, async () => {
        const e = {
          id: `srv-${type}`,
          type,
          at: Date.now(),
          by: admin.memberId,
          memberId: admin.memberId,
          name: '假',
          role: 'admin',
          party: 'community',
        };
        expect(await attempt(admin, 'members', e)).toBe(CloseCode.Forbidden);
      });
      continue;
    }
    const docName = docNameOf(rule.doc);
    // Only partner units claim on the needs board, each under its own unit's name.
    const claim = type === 'practice.claimed';
    const allowed = () =>
      claim
        ? partner
        : rule.who === 'member'
          ? resident
          : rule.who === 'admin'
            ? admin
            : partyRows.has(type)
              ? owners
              : property;
    const whom = claim
      ? 'a partner unit'
      : rule.who === 'member'
        ? 'a resident'
        : rule.who === 'admin'
          ? 'an admin'
          : 'a committee member';

    it(`${type}: allowed for ${whom} in ${docName}`, async () => {
      expect(samples.has(type), `no sample event of ${type}`).toBe(true);
      const e = eventFor(type, allowed(), claim ? { unitName: '惠民药房' } : {});
      expect(['stored', 'causal']).toContain(await attempt(allowed(), docName, e));
    });

    if (rule.who === 'admin') {
      it(`${type}: refused for a committee member who is no admin`, async () => {
        expect(await attempt(property, docName, eventFor(type, property))).toBe(CloseCode.UpdateRejected);
      });
    }
    if (rule.who === 'member') {
      it(`${type}: refused when it names someone else as its author`, async () => {
        const forged = eventFor(type, resident, { by: owners.memberId });
        expect(await attempt(resident, docName, forged)).toBe(CloseCode.UpdateRejected);
      });
    } else if (partyRows.has(type)) {
      it(`${type}: refused for a committee member of another party`, async () => {
        const e = eventFor(type, property, { party: 'owners' });
        expect(await attempt(property, docName, e)).toBe(CloseCode.UpdateRejected);
      });
    } else {
      it(`${type}: refused for a resident`, async () => {
        const code = await attempt(resident, docName, eventFor(type, resident));
        // A resident may not open the committee document; a minutes log takes their own sign-in only.
        expect(code).toBe(rule.doc === 'committee' ? CloseCode.Forbidden : CloseCode.UpdateRejected);
      });
    }
  }

  it('an event is refused in a document it does not belong in', async () => {
    const e = eventFor('ledger.income.recorded', owners);
    expect(await attempt(owners, 'minutes-m1', e)).toBe(CloseCode.UpdateRejected);
  });

  it('a malformed amount (float, negative, string) is refused and reaches nobody', async () => {
    for (const amount of [12.5, -100, '100']) {
      const e = eventFor('ledger.income.recorded', owners, { amount });
      expect(await attempt(owners, 'public', e)).toBe(CloseCode.UpdateRejected);
    }
    const amounts = (watchers.get('public')!.events.toArray() as AppEvent[])
      .filter((e) => e.type === 'ledger.income.recorded')
      .map((e) => (e as { amount: unknown }).amount);
    expect(amounts.every((a) => Number.isSafeInteger(a) && (a as number) > 0)).toBe(true);
  });
});
