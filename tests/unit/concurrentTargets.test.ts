import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { expenseConflicts } from '../../shared/folds/ledgerQueries.ts';
import type { Party } from '../../shared/roles.ts';
import { isCausal } from '../../shared/rules/causal.ts';
import { admin, community, owners, property } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

/** The relay's copy with its guard, phones that write offline, and the fold of what the relay holds. */
function relayWith(base: readonly AppEvent[]) {
  const copy = relayCopy(base);
  return { ...copy, state: () => foldEvents(copy.events()) };
}

const reasonOf = (state: ReturnType<typeof foldEvents>, id: string) =>
  state.anomalies.find((a) => a.eventId === id)?.reason;

describe('a correction of an event that lost a conflict its author never saw', () => {
  it('is kept, counting for nothing: the second counter’s offline redemption and its correction are not refused', () => {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 30, stock: 10 }, 'rice');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '志愿服务' }, 'award');
    const base = [...log.events];
    // One QR ticket scanned at two counters offline; counter B then corrects its own scan.
    const r1 = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 'T' });
    const r2 = log.add('points.redeemed', 'own1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 'T' });
    const fix = log.add('points.corrected', 'own1', { targetEventId: r2.id, reason: '扫错了' });
    const accounts: string[] = [];
    // Each client order: A's scan lands first in one, B's in the other.
    for (const [a, b] of [
      [10, 20],
      [20, 10],
    ] as const) {
      const { phone, send, state } = relayWith(base);
      const [counterA, counterB] = [phone(a), phone(b)];
      counterA.getArray('events').push([r1]);
      counterB.getArray('events').push([r2]);
      counterB.getArray('events').push([fix]);
      send(counterA, [r1], community);
      expect(() => send(counterB, [r2, fix], owners)).not.toThrow();
      const s = state();
      expect(s.anomalies).toEqual([]);
      // A's scan is the earlier: it counts; B's counted for nothing, so its correction takes back nothing.
      const line = (id: string) => s.points.accounts.res1?.history.find((h) => h.eventId === id);
      expect(line(r2.id)).toMatchObject({ delta: 0, ticketUsed: true });
      expect(line(fix.id)?.delta).toBe(0);
      expect(s.points.accounts.res1?.balance).toBe(70);
      accounts.push(JSON.stringify(s.points));
    }
    expect(accounts[1]).toBe(accounts[0]);
    expect(isCausal({ code: 'target_ignored' })).toBe(false);
  });

  it('a correction naming an event that was never there is still refused', () => {
    const log = new TestLog();
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '志愿服务' }, 'award');
    const { phone, send } = relayWith(log.events);
    const doc = phone(30);
    const fix = log.add('points.corrected', 'comm1', { targetEventId: 'nowhere', reason: '更正' });
    doc.getArray('events').push([fix]);
    expect(() => send(doc, [fix], community)).toThrow(/no_such/);
  });
});

/**
 * A log with fund `f1`, what `then` adds (an income, a limit), and expense `x1` of 28,600 yuan
 * approved by `approving` (the three parties unless told).
 */
function approvedExpense(
  then: (log: TestLog) => void,
  approving: readonly Party[] = ['community', 'owners', 'property'],
): TestLog {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  then(log);
  log.add(
    'ledger.expense.proposed',
    'admin1',
    { fundId: 'f1', amount: 2_860_000, payee: '施工队', purpose: '篮球场改造', quotes: [photo] },
    'x1',
  );
  for (const party of approving) log.add('ledger.expense.approved', 'admin1', { expenseId: 'x1', party });
  return log;
}

/** 50,000 yuan of parking income into fund `f1`. */
const income = (log: TestLog) =>
  log.add(
    'ledger.income.recorded',
    'admin1',
    { fundId: 'f1', amount: 5_000_000, source: 'parking', payer: '停车场', day: '2024-05-31', receipts: [photo] },
    'i1',
  );

describe('a payment and an amount limit set offline at the same time', () => {
  it('the payer is never refused, whichever side of the payment the limit lands on', () => {
    const ledgers: string[] = [];
    for (const [payerClient, adminClient] of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = approvedExpense(income);
      const base = [...log.events];
      // The admin sets the limit offline a minute before the payer, offline too, pays.
      const tier = log.add('ledger.tier.set', 'admin1', { limitFen: 1_000_000, from: '2024-05-01' });
      const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
      const { phone, send, state } = relayWith(base);
      const [payer, adminPhone] = [phone(payerClient), phone(adminClient)];
      adminPhone.getArray('events').push([tier]);
      payer.getArray('events').push([paid]);
      send(adminPhone, [tier], admin);
      expect(() => send(payer, [paid], property)).not.toThrow();
      // A payment is a fact: it counts wherever the limit landed. Never refused.
      const s = state();
      expect(reasonOf(s, paid.id)).toBeUndefined();
      expect(s.ledger.funds.f1?.balance).toBe(5_000_000 - 2_860_000);
      // The limit was set before the payment was made: the expense shows the payment went over it,
      // whichever side of the payment Yjs placed the limit.
      const x = s.ledger.expenses.x1;
      expect(x && expenseConflicts(s.ledger, x)).toEqual([{ code: 'paid_over_limit', limitFen: 1_000_000 }]);
      ledgers.push(JSON.stringify(s.ledger));
    }
    expect(ledgers[1]).toBe(ledgers[0]);
  });

  it('a payer whose copy held the limit is refused', () => {
    const log = approvedExpense((l) => l.add('ledger.tier.set', 'admin1', { limitFen: 1_000_000, from: '2024-05-01' }));
    const { phone, send } = relayWith(log.events);
    const payer = phone(10);
    const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    payer.getArray('events').push([paid]);
    expect(() => send(payer, [paid], property)).toThrow(/tier_unmet/);
  });
});

/** A fund holding 50,000 yuan and expense `x1` of 28,600 yuan, approved by owners and property. */
const twoApprovals = () => approvedExpense(income, ['owners', 'property']);

describe('one party approving and refusing offline at the same time, and a payment made on the approval', () => {
  it('counts the payment and shows both conflicts, in either merge order, refusing no one', () => {
    const states: string[] = [];
    for (const [approverClient, refuserClient] of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = twoApprovals();
      const base = [...log.events];
      // comm1 approves for the community; admin1, also of the community, refuses on another phone.
      const approval = log.add('ledger.expense.approved', 'comm1', { expenseId: 'x1', party: 'community' });
      const refusal = log.add('ledger.expense.refused', 'admin1', {
        expenseId: 'x1',
        party: 'community',
        note: '太贵',
      });
      const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
      const { phone, send, state } = relayWith(base);
      const [approver, refuser] = [phone(approverClient), phone(refuserClient)];
      approver.getArray('events').push([approval]);
      refuser.getArray('events').push([refusal]);
      send(approver, [approval], community);
      // The payer saw the three approvals, not the refusal still on the other phone.
      const payer = phone(30, approver);
      payer.getArray('events').push([paid]);
      send(payer, [paid], property);
      expect(() => send(refuser, [refusal], admin)).not.toThrow();
      const s = state();
      expect(s.anomalies).toEqual([]);
      const x = s.ledger.expenses.x1;
      expect(x).toMatchObject({ status: 'paid', refusal: { eventId: refusal.id }, payment: { eventId: paid.id } });
      expect(s.ledger.funds.f1?.balance).toBe(5_000_000 - 2_860_000);
      expect(expenseConflicts(s.ledger, x as NonNullable<typeof x>)).toEqual([
        { code: 'approved_and_refused', party: 'community' },
        { code: 'paid_despite_refusal', party: 'community' },
      ]);
      states.push(JSON.stringify(s.ledger));
    }
    expect(states[1]).toBe(states[0]);
  });

  it('without a payment the refusal outweighs the approval, in either merge order', () => {
    for (const first of ['approval', 'refusal'] as const) {
      const log = twoApprovals();
      const approval = log.add('ledger.expense.approved', 'comm1', { expenseId: 'x1', party: 'community' });
      const refusal = log.add('ledger.expense.refused', 'admin1', { expenseId: 'x1', party: 'community' });
      const events = first === 'approval' ? log.events : [...log.events.slice(0, -2), refusal, approval];
      const s = foldEvents(events);
      expect(s.ledger.expenses.x1).toMatchObject({
        status: 'refused',
        approvals: { community: { eventId: approval.id } },
      });
      expect(s.anomalies).toEqual([]);
    }
  });

  it('refuses a payer who held the refusal, and a refuser who held the payment', () => {
    const log = twoApprovals();
    const refused = relayWith([...log.events]);
    // admin1 refuses for the community while comm1 approves for it, both offline; the payer then
    // holds both. (The refusal's phone has the larger client id, so Yjs puts it last and the
    // payment hangs off it: what the payer surely held is the payment's causal past.)
    const refusal = log.add('ledger.expense.refused', 'admin1', {
      expenseId: 'x1',
      party: 'community',
      note: '再比价',
    });
    const approval = log.add('ledger.expense.approved', 'comm1', { expenseId: 'x1', party: 'community' });
    const [refuserPhone, approverPhone] = [refused.phone(15), refused.phone(10)];
    refuserPhone.getArray('events').push([refusal]);
    approverPhone.getArray('events').push([approval]);
    refused.send(refuserPhone, [refusal], admin);
    refused.send(approverPhone, [approval], community);
    const payer = refused.phone(20, refused.relay);
    const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    payer.getArray('events').push([paid]);
    expect(() => refused.send(payer, [paid], property)).toThrow(/expense_status/);

    const paidLog = twoApprovals();
    paidLog.add('ledger.expense.approved', 'comm1', { expenseId: 'x1', party: 'community' });
    paidLog.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    const relay = relayWith(paidLog.events);
    const late = relay.phone(40);
    const after = paidLog.add('ledger.expense.refused', 'admin1', { expenseId: 'x1', party: 'community' });
    late.getArray('events').push([after]);
    expect(() => relay.send(late, [after], admin)).toThrow(/expense_status/);
  });
});
