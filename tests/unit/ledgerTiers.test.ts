import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AssemblyTally } from '../../shared/events/meeting.ts';
import { RequestRaised } from '../../shared/events/request.ts';
import { CompoundFold } from '../../shared/folds/CompoundFold.ts';
import { type CompoundState, foldEvents } from '../../shared/folds/index.ts';
import { expenseConflicts, ledgerTodos, limitInForce } from '../../shared/folds/ledgerQueries.ts';
import { isCausal } from '../../shared/rules/causal.ts';
import { type ExpenseStep, expenseRefusal } from '../../shared/rules/expenseRefusal.ts';
import { passedTally as passed } from './support/exampleEvents.ts';
import { photo, TestLog } from './support/TestLog.ts';

const failed: AssemblyTally = { ...passed, ownersFor: 30, ownersAgainst: 40 };

/** A fund, an owners' assembly and a three-party meeting, a 30,000 yuan limit from 2024-05-01, and an 80,000 yuan expense. */
function compound(amount = 8_000_000) {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  log.add('meeting.scheduled', 'admin1', {
    meetingId: 'asm',
    kind: 'owners-assembly',
    startsAt: log.at,
    place: '会议室',
  });
  log.add('meeting.scheduled', 'admin1', { meetingId: 'tri', kind: 'three-party', startsAt: log.at, place: '会议室' });
  log.add('ledger.tier.set', 'admin1', { limitFen: 3_000_000, from: '2024-05-01' }, 't1');
  log.add(
    'ledger.expense.proposed',
    'prop1',
    { fundId: 'f1', amount, payee: '华宇建筑装饰公司', purpose: '外墙维修', quotes: [photo] },
    'x1',
  );
  for (const [party, by] of [
    ['community', 'comm1'],
    ['owners', 'own1'],
    ['property', 'prop1'],
  ] as const)
    log.add('ledger.expense.approved', by, { expenseId: 'x1', party });
  return log;
}

/** The log with its limit taken out. */
function withoutLimit(log: TestLog): TestLog {
  log.events.splice(
    log.events.findIndex((e) => e.id === 't1'),
    1,
  );
  return log;
}

const link = (log: TestLog, assembly: AssemblyTally, meetingId = 'asm') =>
  log.add('ledger.expense.assembly-linked', 'own1', { expenseId: 'x1', meetingId, decisionId: 'd1', assembly });
/** The limit expense x1's payment went over, as the expense shows it (null if none). */
function overLimit(state: CompoundState): number | null {
  const x = state.ledger.expenses.x1;
  const c = x && expenseConflicts(state.ledger, x).find((c) => c.code === 'paid_over_limit');
  return c?.code === 'paid_over_limit' ? c.limitFen : null;
}

const pay = (log: TestLog) =>
  log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-05-07', receipts: [photo] });

describe('amount tiers', () => {
  it('keeps the limit in force by the day it takes effect, then when it was set, whatever the log order', () => {
    const log = new TestLog();
    const late = log.add('ledger.tier.set', 'admin1', { limitFen: 9_000, from: '2024-07-01' });
    const first = log.add('ledger.tier.set', 'admin1', { limitFen: 1_000, from: '2024-01-01' });
    log.add('ledger.tier.set', 'admin1', { limitFen: 2_000, from: '2024-03-01' });
    log.add('ledger.tier.set', 'admin1', { limitFen: 3_000, from: '2024-03-01' });
    const ledger = foldEvents(log.events).ledger;
    expect(ledger.tiers.map((t) => t.limitFen)).toEqual([1_000, 2_000, 3_000, 9_000]);
    expect(limitInForce(ledger, '2023-12-31')).toBeNull();
    expect(limitInForce(ledger, '2024-02-29')?.eventId).toBe(first.id);
    expect(limitInForce(ledger, '2024-03-01')?.limitFen).toBe(3_000);
    expect(limitInForce(ledger, '2024-06-30')?.limitFen).toBe(3_000);
    expect(limitInForce(ledger, '2024-07-01')?.eventId).toBe(late.id);
    const reversed = foldEvents([...log.events].reverse()).ledger;
    expect(reversed.tiers).toEqual(ledger.tiers);
  });

  it('marks a payment above the limit without an owners’ assembly decision, and the payer who held the limit breaks a rule', () => {
    const log = compound();
    const paid = pay(log);
    const state = foldEvents(log.events);
    // A payment is a fact: it counts, and the ledger marks the limit it went over.
    expect(state.ledger.expenses.x1?.status).toBe('paid');
    expect(overLimit(state)).toBe(3_000_000);
    expect(state.anomalies).toEqual([]);
    // The relay refuses it only when the payer's copy held the limit (by the payment's causal past).
    expect(expenseRefusal(state.ledger, paid as ExpenseStep, (ids) => new Set(ids))).toEqual({
      code: 'tier_unmet',
      limitFen: 3_000_000,
    });
    expect(expenseRefusal(state.ledger, paid as ExpenseStep, () => new Set())).toBeUndefined();
    expect(isCausal({ code: 'tier_unmet', limitFen: 3_000_000 })).toBe(false);
  });

  it('puts an approved expense above the limit on the proposer’s list as waiting for a decision, then as a payment', () => {
    const log = compound();
    const partyOf = (m: string) => (m === 'prop1' ? 'property' : undefined);
    const kinds = () => ledgerTodos(foldEvents(log.events).ledger, 'property', partyOf).map((t) => t.kind);
    expect(kinds()).toEqual(['assembly']);
    link(log, passed);
    expect(kinds()).toEqual(['pay']);
  });

  it('pays an expense above the limit once a decision that passed is linked', () => {
    const log = compound();
    link(log, passed);
    pay(log);
    const state = foldEvents(log.events);
    expect(state.anomalies).toEqual([]);
    expect(state.ledger.expenses.x1).toMatchObject({
      status: 'paid',
      assembly: [{ meetingId: 'asm', passed: true }],
    });
    expect(overLimit(state)).toBeNull();
  });

  it('marks a payment over the limit when the linked decision did not pass', () => {
    const log = compound();
    link(log, failed);
    pay(log);
    const state = foldEvents(log.events);
    expect(state.ledger.expenses.x1?.assembly).toMatchObject([{ passed: false }]);
    expect(overLimit(state)).toBe(3_000_000);
  });

  it('pays an expense within the limit, or one proposed before the limit took effect, without a decision', () => {
    const within = compound(3_000_000);
    pay(within);
    expect(overLimit(foldEvents(within.events))).toBeNull();
    const early = compound();
    early.add('ledger.tier.set', 'admin1', { limitFen: 100, from: '2024-05-07' });
    pay(early);
    // The 100 fen limit starts the day after the proposal; the 30,000 yuan one still applies.
    expect(overLimit(foldEvents(early.events))).toBe(3_000_000);
  });

  it('judges a payment by the limits set before it: a limit set later never unpays it', () => {
    const log = withoutLimit(compound());
    pay(log);
    log.add('ledger.tier.set', 'admin1', { limitFen: 100, from: '2024-01-01' }, 'later');
    const state = foldEvents(log.events);
    expect(overLimit(state)).toBeNull();
    expect(state.anomalies).toEqual([]);
  });

  it('marks a payment over a limit set before it in time, wherever the log holds the two', () => {
    const base = compound();
    const tier = base.events.find((e) => e.id === 't1');
    const log = withoutLimit(base);
    pay(log);
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: log.events }]);
    expect(overLimit(fold.state)).toBeNull();
    // The limit, set offline before the payment was made, reaches the log after it or before it.
    fold.applyDelta([{ retain: 2 }, { insert: [tier] }]);
    const before = foldEvents([...log.events.slice(0, 2), tier, ...log.events.slice(2)]);
    const after = foldEvents([...log.events, tier]);
    expect(overLimit(before)).toBe(3_000_000);
    expect(overLimit(after)).toBe(3_000_000);
    expect(overLimit(fold.state)).toBe(3_000_000);
    expect(fold.state.ledger).toEqual(before.ledger);
    expect(fold.state.anomalies).toEqual(before.anomalies);
    expect(before.ledger.funds).toEqual(after.ledger.funds);
  });

  it('links only an owners’ assembly', () => {
    const log = compound();
    const wrong = link(log, passed, 'tri');
    const none = link(log, passed, 'nowhere');
    const state = foldEvents(log.events);
    expect(state.ledger.expenses.x1?.assembly).toEqual([]);
    expect(state.anomalies.map((a) => [a.eventId, a.reason])).toEqual([
      [wrong.id, { code: 'not_assembly' }],
      [none.id, { code: 'no_such', thing: 'meeting' }],
    ]);
    expect(isCausal({ code: 'not_assembly' })).toBe(true);
  });
});

describe('a question about a ledger entry', () => {
  const raised = (ledgerRef: unknown) => ({
    id: 'q1',
    type: 'request.raised',
    at: 1,
    by: 'res1',
    title: '这笔钱花在哪里？',
    category: 'property',
    ledgerRef,
  });

  it('carries a link to an income or an expense, and nothing else', () => {
    expect(v.safeParse(RequestRaised, raised({ kind: 'expense', id: 'x1' })).success).toBe(true);
    expect(v.safeParse(RequestRaised, raised({ kind: 'income', id: 'i1' })).success).toBe(true);
    expect(v.safeParse(RequestRaised, raised({ kind: 'fund', id: 'f1' })).success).toBe(false);
    expect(v.safeParse(RequestRaised, raised({ kind: 'expense', id: '' })).success).toBe(false);
    expect(v.safeParse(RequestRaised, raised({ kind: 'expense', id: 'x1', extra: 1 })).success).toBe(false);
  });

  it('keeps the link on the request', () => {
    const log = compound();
    log.add(
      'request.raised',
      'res1',
      { title: '这笔钱花在哪里？', category: 'property', ledgerRef: { kind: 'expense', id: 'x1' } },
      'q1',
    );
    const state = foldEvents(log.events);
    expect(state.agenda.requests.q1?.ledgerRef).toEqual({ kind: 'expense', id: 'x1' });
  });
});
