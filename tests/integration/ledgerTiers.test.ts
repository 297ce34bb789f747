import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { addMember, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

let n = 0;
const ev = (by: Session, type: string, fields: Record<string, unknown>) => ({
  id: `tier-${process.pid}-${++n}`,
  type,
  at: Date.now(),
  by: by.memberId,
  ...fields,
});

const count = (ownersFor: number) => ({
  matter: 'ordinary',
  areaFor: ownersFor * 10_000,
  areaAgainst: 0,
  areaTakingPart: 1_000_000,
  ownersFor,
  ownersAgainst: 0,
  ownersTakingPart: 100,
});

/** The stock client pays an expense above the compound's limit; the relay holds the limit against the public log. */
describe('a payment above the amount limit', () => {
  const server = useTestServer({ MAX_CONNECTIONS_PER_MEMBER: '50' });
  let admin: Session;
  let owners: Session;
  let property: Session;
  let watcher: TestClient;
  let expense: Record<string, unknown>;

  /** Appends events, each through its author's own stock client, and waits until the watcher has them. */
  async function write(writes: [Session, Record<string, unknown>][]): Promise<void> {
    for (const [who, event] of writes) {
      const c = server.connect(who, 'public');
      await synced(c);
      c.events.push([event]);
      await eventually(() => expect(watcher.events.toArray()).toContainEqual(event));
      c.provider.destroy();
    }
  }

  const link = (ownersFor: number) =>
    ev(owners, 'ledger.expense.assembly-linked', {
      expenseId: expense.id,
      meetingId: 'assembly-2026',
      decisionId: 'decision-1',
      assembly: count(ownersFor),
    });
  const payment = () => ev(property, 'ledger.expense.paid', { expenseId: expense.id, day: '2026-12-01', receipts: [] });
  const bytes = () => server.storage.docs.bytes(`${admin.compoundId}/public`);

  beforeEach(async () => {
    admin = await createCompound(server.url, { party: 'community' });
    owners = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '业委会老刘');
    property = await addMember(server.url, admin, { role: 'committee', party: 'property' }, '物业小周');
    watcher = server.connect(owners, 'public');
    await synced(watcher);
    const fund = ev(admin, 'ledger.fund.opened', { name: '三方共管账户', kind: 'shared-account' });
    expense = ev(admin, 'ledger.expense.proposed', {
      fundId: fund.id,
      amount: 8_000_000,
      payee: '华宇建筑装饰公司',
      purpose: '外墙维修',
      quotes: [],
    });
    await write([
      [admin, ev(admin, 'ledger.tier.set', { limitFen: 3_000_000, from: '2020-01-01' })],
      [
        admin,
        ev(admin, 'meeting.scheduled', {
          meetingId: 'assembly-2026',
          kind: 'owners-assembly',
          startsAt: Date.now(),
          place: '小区活动中心',
        }),
      ],
      [admin, fund],
      [admin, expense],
      [admin, ev(admin, 'ledger.expense.approved', { expenseId: expense.id, party: 'community' })],
      [owners, ev(owners, 'ledger.expense.approved', { expenseId: expense.id, party: 'owners' })],
      [property, ev(property, 'ledger.expense.approved', { expenseId: expense.id, party: 'property' })],
    ]);
  });

  /** The payer's stock client pushes the payment; resolves with how the relay closed it. */
  async function pay(paid: Record<string, unknown>) {
    const payer = server.connect(property, 'public');
    await synced(payer);
    payer.events.push([paid]);
    await eventually(() => expect(payer.closes.length).toBeGreaterThan(0));
    payer.destroy();
    return payer.closes[0];
  }

  it('is refused with tier_unmet when no owners’ assembly decision is linked, and nothing is stored or forwarded', async () => {
    const before = await bytes();
    const paid = payment();
    const closed = await pay(paid);
    expect(closed?.code).toBe(CloseCode.UpdateRejected);
    expect(closed?.reason).toMatch(/^causal_rule: ledger\.expense\.paid .*tier_unmet/);
    expect(await bytes()).toBe(before);
    expect(watcher.events.toArray()).not.toContainEqual(paid);
    expect(watcher.closes).toEqual([]);
  });

  it('is refused when the linked decision did not pass', async () => {
    await write([[owners, link(40)]]);
    const before = await bytes();
    const closed = await pay(payment());
    expect(closed?.reason).toMatch(/tier_unmet/);
    expect(await bytes()).toBe(before);
  });

  it('is accepted and forwarded once a decision that passed is linked', async () => {
    await write([[owners, link(60)]]);
    const paid = payment();
    await write([[property, paid]]);
    const x = foldEvents(watcher.events.toArray()).ledger.expenses[expense.id as string];
    expect(x?.status).toBe('paid');
    expect(watcher.closes).toEqual([]);
  });

  it('refuses a link to a meeting that is not an owners’ assembly (not_assembly)', async () => {
    await write([
      [
        admin,
        ev(admin, 'meeting.scheduled', { meetingId: 'three-1', kind: 'three-party', startsAt: 1, place: '物业办公室' }),
      ],
    ]);
    const before = await bytes();
    const c = server.connect(owners, 'public');
    await synced(c);
    c.events.push([{ ...link(60), meetingId: 'three-1' }]);
    await eventually(() => expect(c.closes[0]?.reason).toMatch(/^causal_rule: .*not_assembly/));
    c.destroy();
    expect(await bytes()).toBe(before);
  });
});
