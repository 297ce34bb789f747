import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import type { ExpenseState } from '../../shared/folds/ledger.ts';
import { expenseConflicts, fundViews } from '../../shared/folds/ledgerQueries.ts';
import { ledgerDigest } from '../../shared/ledgerHash.ts';
import { ledgerNotice } from '../../shared/ledgerNotice.ts';
import { type LedgerPeriod, parsePeriod } from '../../shared/ledgerPeriod.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners, property } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

/**
 * Two payers recording one expense's payment offline at once (regression: the first in the log
 * counted and the second was flagged `expense_status`, so which one counted, and whether a reversal
 * of either did anything, followed the order Yjs merged them in).
 */

/** Fund f1 with 50,000 yuan and expense x1 of 28,600 yuan approved by the three parties. */
function approved(): TestLog {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  log.add(
    'ledger.income.recorded',
    'admin1',
    { fundId: 'f1', amount: 5_000_000, source: 'parking', payer: '停车场', day: '2024-05-31', receipts: [photo] },
    'i1',
  );
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

const period = parsePeriod('2024-Q2') as LedgerPeriod;

/** What the ledger tab and the notice show of the relay's log: the same in every merge order. */
function shown(events: readonly AppEvent[]) {
  const state = foldEvents(events);
  const x = state.ledger.expenses.x1 as ExpenseState;
  return {
    ledger: state.ledger,
    anomalies: state.anomalies.map((a) => [a.eventId, a.reason]).sort(),
    conflicts: expenseConflicts(state.ledger, x),
    funds: fundViews(state.ledger),
    notice: ledgerNotice(state.ledger, period),
    digest: ledgerDigest(state.ledger, '2024-06-30'),
  };
}

/** Every merge order shows the same; returns what it shows. */
function oneView(runs: { events: AppEvent[] }[]) {
  expect(new Set(runs.map((r) => r.events.map((e) => e.id).join())).size).toBe(runs.length);
  const views = runs.map((r) => shown(r.events));
  for (const v of views.slice(1)) expect(v).toEqual(views[0]);
  return views[0] as ReturnType<typeof shown>;
}

describe('two payments of one expense recorded offline at once', () => {
  it('count once, from the earliest, and show paid_twice in every merge order, refusing no one', () => {
    const log = approved();
    const base = [...log.events];
    const late = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    // The community's payer recorded it a minute earlier, on a phone with the larger client id.
    const early = { ...log.add('ledger.expense.paid', 'comm1', { expenseId: 'x1', day: '2024-06-10', receipts: [] }) };
    early.at = late.at - 60_000;
    const runs = everyMergeOrder(base, [
      { events: [late], member: property },
      { events: [early as AppEvent], member: community },
    ]);
    const view = oneView(runs);
    expect(view.anomalies).toEqual([]);
    expect(view.ledger.expenses.x1).toMatchObject({
      status: 'paid',
      payment: { eventId: early.id },
      payments: [{ eventId: early.id }, { eventId: late.id }],
      reversal: null,
    });
    expect(view.ledger.funds.f1?.balance).toBe(5_000_000 - 2_860_000);
    expect(view.ledger.monthly['2024-06']).toEqual({ income: {}, expense: 2_860_000 });
    expect(view.conflicts).toEqual([{ code: 'paid_twice', times: 2 }]);
    const line = view.notice.funds[0]?.lines.find((l) => l.kind === 'expense');
    expect(line).toMatchObject({ at: early.at, conflicts: [{ code: 'paid_twice', times: 2 }], reversal: null });
    expect(view.notice.funds[0]?.closing).toBe(5_000_000 - 2_860_000);
  });

  it('a payer reversing their own record while the other payer pays leaves it paid once, in every merge order', () => {
    const log = approved();
    const base = [...log.events];
    const mine = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    const undo = log.add('ledger.reversed', 'prop1', { targetEventId: mine.id, reason: '收据拍错了' });
    const theirs = log.add('ledger.expense.paid', 'comm1', { expenseId: 'x1', day: '2024-06-11', receipts: [photo] });
    const view = oneView(
      everyMergeOrder(base, [
        { events: [mine, undo], member: property },
        { events: [theirs], member: community },
      ]),
    );
    expect(view.anomalies).toEqual([]);
    expect(view.ledger.expenses.x1).toMatchObject({ status: 'paid', payment: { eventId: theirs.id }, reversal: null });
    expect(view.ledger.expenses.x1?.payments.map((p) => [p.eventId, p.reversal?.eventId ?? null])).toEqual([
      [mine.id, undo.id],
      [theirs.id, null],
    ]);
    expect(view.ledger.funds.f1?.balance).toBe(5_000_000 - 2_860_000);
    expect(view.ledger.monthly['2024-06']).toEqual({ income: {}, expense: 2_860_000 });
    expect(view.conflicts).toEqual([]);
  });

  it('a reversal of either record after the merge keeps it paid once; reversing both gives the money back', () => {
    const log = approved();
    const base = [...log.events];
    const a = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    const b = log.add('ledger.expense.paid', 'comm1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    const runs = everyMergeOrder(base, [
      { events: [a], member: property },
      { events: [b], member: community },
    ]);
    log.at = Date.parse('2024-07-02T02:00:00Z');
    const undoA = log.add('ledger.reversed', 'own1', { targetEventId: a.id, reason: '重复登记' });
    const undoB = log.add('ledger.reversed', 'own1', { targetEventId: b.id, reason: '对方已退款' });
    for (const [undo, stands] of [
      [undoA, b],
      [undoB, a],
    ] as const) {
      const view = oneView(runs.map((r) => ({ events: [...r.events, undo] })));
      expect(view.anomalies).toEqual([]);
      expect(view.ledger.expenses.x1).toMatchObject({
        status: 'paid',
        payment: { eventId: stands.id },
        reversal: null,
      });
      expect(view.ledger.funds.f1?.balance).toBe(5_000_000 - 2_860_000);
      expect(view.ledger.monthly['2024-07']).toBeUndefined();
      expect(view.conflicts).toEqual([]);
    }
    const view = oneView(runs.map((r) => ({ events: [...r.events, undoA, undoB] })));
    expect(view.ledger.expenses.x1).toMatchObject({ status: 'reversed', reversal: { eventId: undoB.id } });
    expect(view.ledger.funds.f1?.balance).toBe(5_000_000);
    expect(view.ledger.monthly['2024-07']).toEqual({ income: {}, expense: -2_860_000 });
  });

  it('a payment whose payer’s copy held another payment of the expense is refused', () => {
    const log = approved();
    log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    const { phone, send } = relayCopy(log.events);
    const doc = phone(10);
    const again = log.add('ledger.expense.paid', 'own1', { expenseId: 'x1', day: '2024-06-12', receipts: [photo] });
    doc.getArray('events').push([again]);
    expect(() => send(doc, [again], owners)).toThrow(/expense_status/);
  });
});

describe('two reversals of one entry made offline at once', () => {
  it('keep the earliest by (at, id) of an income’s and of a payment’s, in every merge order, flagging none', () => {
    const log = approved();
    const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    const base = [...log.events];
    // The owners' member reverses both on 1 July; the community's did it on 30 June, on the phone
    // with the larger client id: the month each reversal counts in depends on which one stands.
    log.at = Date.parse('2024-07-01T02:00:00Z');
    const lateIncome = log.add('ledger.reversed', 'own1', { targetEventId: 'i1', reason: '重复录入' });
    const latePaid = log.add('ledger.reversed', 'own1', { targetEventId: paid.id, reason: '工程未验收' });
    log.at = Date.parse('2024-06-30T02:00:00Z');
    const earlyIncome = log.add('ledger.reversed', 'comm1', { targetEventId: 'i1', reason: '录错账户' });
    const earlyPaid = log.add('ledger.reversed', 'comm1', { targetEventId: paid.id, reason: '对方退款' });
    const view = oneView(
      everyMergeOrder(base, [
        { events: [lateIncome, latePaid], member: owners },
        { events: [earlyIncome, earlyPaid], member: community },
      ]),
    );
    expect(view.anomalies).toEqual([]);
    expect(view.ledger.incomes.i1?.reversal?.eventId).toBe(earlyIncome.id);
    expect(view.ledger.expenses.x1).toMatchObject({ status: 'reversed', reversal: { eventId: earlyPaid.id } });
    expect(view.ledger.funds.f1?.balance).toBe(0);
    expect(view.ledger.monthly['2024-06']).toEqual({ income: { parking: -5_000_000 }, expense: 0 });
    expect(view.ledger.monthly['2024-07']).toBeUndefined();
  });

  it('a reversal whose author held a reversal of the same entry is refused, even dated before it', () => {
    const log = approved();
    log.add('ledger.reversed', 'comm1', { targetEventId: 'i1', reason: '录错账户' });
    const { phone, send } = relayCopy(log.events);
    const doc = phone(10);
    const again = { ...log.add('ledger.reversed', 'own1', { targetEventId: 'i1', reason: '重复录入' }) };
    again.at -= 3_600_000;
    doc.getArray('events').push([again]);
    expect(() => send(doc, [again as AppEvent], owners)).toThrow(/already_reversed/);
  });
});
