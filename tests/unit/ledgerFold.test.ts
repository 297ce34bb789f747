import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { type ExpenseStep, expenseRefusal } from '../../shared/rules/expenseRefusal.ts';
import { photo, TestLog } from './support/TestLog.ts';

/** A shared account with 50,000 yuan of parking income and a 28,600 yuan expense proposed. */
function account() {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  log.add(
    'ledger.income.recorded',
    'prop1',
    {
      fundId: 'f1',
      amount: 5_000_000,
      source: 'parking',
      payer: '停车场',
      day: '2024-05-31',
      receipts: [photo],
    },
    'i1',
  );
  log.add(
    'ledger.expense.proposed',
    'prop1',
    {
      fundId: 'f1',
      amount: 2_860_000,
      payee: '华宇建筑装饰公司',
      purpose: '篮球场改造',
      quotes: [photo],
    },
    'x1',
  );
  return log;
}

const approve = (log: TestLog, party: 'community' | 'owners' | 'property', by: string) =>
  log.add('ledger.expense.approved', by, { expenseId: 'x1', party });
const pay = (log: TestLog) =>
  log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });

describe('the ledger fold', () => {
  it('pays an expense only after all three parties approved it', () => {
    const log = account();
    approve(log, 'owners', 'own1');
    approve(log, 'property', 'prop1');
    const early = pay(log);
    let state = foldEvents(log.events);
    expect(state.ledger.expenses.x1?.status).toBe('proposed');
    expect(state.anomalies).toEqual([
      { eventId: early.id, type: 'ledger.expense.paid', reason: { code: 'not_approved' } },
    ]);
    approve(log, 'community', 'comm1');
    expect(foldEvents(log.events).ledger.expenses.x1?.status).toBe('approved');
    pay(log);
    state = foldEvents(log.events);
    expect(state.ledger.expenses.x1).toMatchObject({ status: 'paid', payment: { day: '2024-06-10' } });
    expect(Object.keys(state.ledger.expenses.x1?.approvals ?? {}).sort()).toEqual(['community', 'owners', 'property']);
    expect(state.ledger.funds.f1?.balance).toBe(5_000_000 - 2_860_000);
    expect(state.ledger.monthly).toEqual({
      '2024-05': { income: { parking: 5_000_000 }, expense: 0 },
      '2024-06': { income: {}, expense: 2_860_000 },
    });
  });

  it('keeps every signature: the party’s earliest approval signs, and a refusal outweighs approvals beside it', () => {
    const log = account();
    const first = approve(log, 'owners', 'own1');
    approve(log, 'owners', 'own1');
    log.add('ledger.expense.refused', 'prop1', { expenseId: 'x1', party: 'property', note: '报价偏高' });
    const late = approve(log, 'community', 'comm1');
    const state = foldEvents(log.events);
    expect(state.ledger.expenses.x1).toMatchObject({ status: 'refused', refusal: { party: 'property' } });
    expect(state.ledger.expenses.x1?.signatures).toHaveLength(4);
    expect(state.ledger.expenses.x1?.approvals.owners?.eventId).toBe(first.id);
    // The approval after the refusal is kept (its author may have signed offline, not yet seeing it) ...
    expect(state.ledger.expenses.x1?.approvals.community?.eventId).toBe(late.id);
    expect(state.anomalies).toEqual([]);
    // ... and refused by the relay when its author's copy held the refusal.
    expect(expenseRefusal(state.ledger, late as ExpenseStep, (ids) => new Set(ids))).toEqual({
      code: 'expense_status',
      status: 'refused',
    });
    expect(state.ledger.funds.f1?.balance).toBe(5_000_000);
  });

  it('ignores an approval of an expense that does not exist', () => {
    const log = account();
    log.add('ledger.expense.approved', 'own1', { expenseId: 'nope', party: 'owners' });
    expect(foldEvents(log.events).anomalies.map((a) => a.reason)).toEqual([{ code: 'no_such', thing: 'expense' }]);
  });

  it('reverses a payment, restoring the balance, and books the reversal in its own month', () => {
    const log = account();
    approve(log, 'owners', 'own1');
    approve(log, 'property', 'prop1');
    approve(log, 'community', 'comm1');
    const paid = pay(log);
    log.at = Date.parse('2024-06-30T16:30:00Z'); // already 1 July in Asia/Shanghai
    log.add('ledger.reversed', 'own1', { targetEventId: paid.id, reason: '工程未验收' });
    // A second reversal gives nothing back twice (the relay refuses one whose author held the first).
    log.add('ledger.reversed', 'own1', { targetEventId: paid.id, reason: '再冲一次' });
    const state = foldEvents(log.events);
    expect(state.ledger.expenses.x1).toMatchObject({ status: 'reversed', reversal: { reason: '工程未验收' } });
    expect(state.ledger.funds.f1?.balance).toBe(5_000_000);
    expect(state.ledger.monthly['2024-06']).toEqual({ income: {}, expense: 2_860_000 });
    expect(state.ledger.monthly['2024-07']).toEqual({ income: {}, expense: -2_860_000 });
    expect(state.anomalies).toEqual([]);
  });

  it('reverses a mistaken income', () => {
    const log = account();
    log.add('ledger.reversed', 'own1', { targetEventId: 'i1', reason: '重复录入' });
    const state = foldEvents(log.events);
    expect(state.ledger.incomes.i1?.reversal?.reason).toBe('重复录入');
    expect(state.ledger.funds.f1?.balance).toBe(0);
  });

  it('refuses to reverse what is neither an income nor a payment', () => {
    const log = account();
    const approval = approve(log, 'owners', 'own1');
    log.add('ledger.reversed', 'own1', { targetEventId: approval.id, reason: '?' });
    log.add('ledger.reversed', 'own1', { targetEventId: 'later', reason: '?' });
    expect(foldEvents(log.events).anomalies.map((a) => a.reason)).toEqual([
      { code: 'no_such', thing: 'target' },
      { code: 'no_such', thing: 'target' },
    ]);
  });

  it('keeps every balance in whole fen over many entries', () => {
    const log = account();
    let total = 5_000_000;
    for (let i = 1; i <= 300; i++) {
      const amount = (i * 7919) % 100_003;
      if (amount === 0) continue;
      total += amount;
      log.add('ledger.income.recorded', 'prop1', {
        fundId: 'f1',
        amount,
        source: i % 2 ? 'venue' : 'donation',
        payer: '某单位',
        day: '2024-05-01',
        receipts: [],
      });
    }
    const state = foldEvents(log.events);
    expect(state.ledger.funds.f1?.balance).toBe(total);
    expect(Number.isInteger(state.ledger.funds.f1?.balance)).toBe(true);
  });

  it('ignores income for a fund opened later in the log', () => {
    const log = new TestLog();
    log.add('ledger.income.recorded', 'prop1', {
      fundId: 'f1',
      amount: 100,
      source: 'other',
      payer: 'x',
      day: '2024-05-01',
      receipts: [],
    });
    log.add('ledger.fund.opened', 'admin1', { name: '账户', kind: 'other' }, 'f1');
    const state = foldEvents(log.events);
    expect(state.ledger.funds.f1?.balance).toBe(0);
    expect(state.anomalies.map((a) => a.reason)).toEqual([{ code: 'no_such', thing: 'fund' }]);
  });
});
