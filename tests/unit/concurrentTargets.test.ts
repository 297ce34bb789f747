import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
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
  it('is kept and flagged target_ignored: the second counter’s offline redemption and its correction are not refused', () => {
    const log = new TestLog();
    log.add('points.goods.listed', 'comm1', { name: '大米', pricePoints: 30, stock: 10 }, 'rice');
    log.add('points.awarded', 'comm1', { memberId: 'res1', amount: 100, reason: '志愿服务' }, 'award');
    const base = [...log.events];
    // One QR ticket scanned at two counters offline; counter B then corrects its own scan.
    const r1 = log.add('points.redeemed', 'comm1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 'T' });
    const r2 = log.add('points.redeemed', 'own1', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket: 'T' });
    const fix = log.add('points.corrected', 'own1', { targetEventId: r2.id, reason: '扫错了' });
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
      const lost = reasonOf(s, r1.id) ? r1 : r2;
      expect(reasonOf(s, lost.id)).toEqual({ code: 'ticket_used' });
      if (lost === r2) {
        // B's scan never counted: its correction has nothing to take back.
        expect(reasonOf(s, fix.id)).toEqual({ code: 'target_ignored' });
        expect(s.points.accounts.res1?.balance).toBe(70);
      } else {
        // B's scan counted and is corrected; A's is flagged for the committee (known limit: the
        // ticket then counts for neither until someone records A's scan again).
        expect(reasonOf(s, fix.id)).toBeUndefined();
        expect(s.points.accounts.res1?.balance).toBe(100);
      }
    }
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
 * approved by the three parties.
 */
function approvedExpense(then: (log: TestLog) => void): TestLog {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  then(log);
  log.add(
    'ledger.expense.proposed',
    'admin1',
    { fundId: 'f1', amount: 2_860_000, payee: '施工队', purpose: '篮球场改造', quotes: [photo] },
    'x1',
  );
  for (const party of ['community', 'owners', 'property'] as const)
    log.add('ledger.expense.approved', 'admin1', { expenseId: 'x1', party });
  return log;
}

describe('a payment and an amount limit set offline at the same time', () => {
  it('the payer is never refused, whichever side of the payment the limit lands on', () => {
    for (const [payerClient, adminClient] of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = approvedExpense((l) =>
        l.add(
          'ledger.income.recorded',
          'admin1',
          { fundId: 'f1', amount: 5_000_000, source: 'parking', payer: '停车场', day: '2024-05-31', receipts: [photo] },
          'i1',
        ),
      );
      const base = [...log.events];
      const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
      const tier = log.add('ledger.tier.set', 'admin1', { limitFen: 1_000_000, from: '2024-05-01' });
      const { phone, send, state } = relayWith(base);
      const [payer, adminPhone] = [phone(payerClient), phone(adminClient)];
      adminPhone.getArray('events').push([tier]);
      payer.getArray('events').push([paid]);
      send(adminPhone, [tier], admin);
      expect(() => send(payer, [paid], property)).not.toThrow();
      const reason = reasonOf(state(), paid.id);
      // Where the limit landed before the payment, the payment is flagged; never refused.
      if (reason) expect(reason).toEqual({ code: 'tier_unmet', limitFen: 1_000_000 });
    }
  });

  it('a payer whose copy held the limit is refused', () => {
    const log = approvedExpense((l) => l.add('ledger.tier.set', 'admin1', { limitFen: 1_000_000, from: '2024-05-01' }));
    const { phone, send, state } = relayWith(log.events);
    const payer = phone(10);
    const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    payer.getArray('events').push([paid]);
    expect(() => send(payer, [paid], property)).toThrow(/tier_unmet/);
    expect(state().ledger.expenses.x1?.status).toBe('approved');
  });
});
