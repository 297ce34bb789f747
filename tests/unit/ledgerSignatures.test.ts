import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { needsAssembly } from '../../shared/folds/ledgerQueries.ts';
import { passedTally as passed } from './support/exampleEvents.ts';
import { admin, community, owners, property } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

/**
 * What the relay refuses of an expense's signatures and payment: only what the author's copy surely
 * held (the event's causal past) can forbid; what permits counts wherever the relay holds it, since
 * a phone may hold more than that past (what it got while it wrote).
 */

/** Fund f1 with 50,000 yuan, an owners' assembly, expense x1 of `amount` fen approved by `approving`. */
function expenseLog(
  approving: readonly (readonly ['community' | 'owners' | 'property', string])[],
  amount = 2_860_000,
  limit?: number,
): TestLog {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  log.add(
    'ledger.income.recorded',
    'admin1',
    { fundId: 'f1', amount: 5_000_000, source: 'parking', payer: '停车场', day: '2024-05-01', receipts: [photo] },
    'i1',
  );
  log.add('meeting.scheduled', 'admin1', {
    meetingId: 'asm',
    kind: 'owners-assembly',
    startsAt: log.at,
    place: '会议室',
  });
  if (limit !== undefined) log.add('ledger.tier.set', 'admin1', { limitFen: limit, from: '2024-05-01' }, 't1');
  log.add(
    'ledger.expense.proposed',
    'prop1',
    { fundId: 'f1', amount, payee: '华宇建筑装饰公司', purpose: '外墙维修', quotes: [photo] },
    'x1',
  );
  for (const [party, by] of approving) log.add('ledger.expense.approved', by, { expenseId: 'x1', party });
  return log;
}

const three = [
  ['community', 'comm1'],
  ['owners', 'own1'],
  ['property', 'prop1'],
] as const;

const pay = (log: TestLog) =>
  log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-05-07', receipts: [photo] });

/** The event, dated `ms` earlier than `than`. */
const backdated = (event: AppEvent, than: AppEvent, ms: number) => ({ ...event, at: than.at - ms }) as AppEvent;

describe('an honest payer whose copy held what lets the payment through', () => {
  it('is not refused when the passed assembly decision was linked at the same time as the last approval', () => {
    const log = expenseLog(three.slice(0, 2), 8_000_000, 3_000_000);
    const { phone, send, relay } = relayCopy(log.events);
    const link = log.add('ledger.expense.assembly-linked', 'own1', {
      expenseId: 'x1',
      meetingId: 'asm',
      decisionId: 'd1',
      assembly: passed,
    });
    const approval = log.add('ledger.expense.approved', 'prop1', { expenseId: 'x1', party: 'property' });
    const [linker, approver] = [phone(10), phone(20)];
    linker.getArray('events').push([link]);
    approver.getArray('events').push([approval]);
    send(linker, [link], owners);
    send(approver, [approval], property);
    // The payer's phone holds both, so it offers the payment; the payment hangs off the approval only.
    const payer = phone(30, relay);
    const mine = foldEvents(payer.getArray('events').toArray() as AppEvent[]).ledger;
    expect(needsAssembly(mine, mine.expenses.x1 as NonNullable<(typeof mine.expenses)['x1']>)).toBe(false);
    const paid = pay(log);
    payer.getArray('events').push([paid]);
    expect(() => send(payer, [paid], property)).not.toThrow();
  });

  it('is not refused when the admin raised the limit at the same time as someone else wrote', () => {
    const log = expenseLog(three, 8_000_000, 3_000_000);
    const { phone, send, relay } = relayCopy(log.events);
    const raise = log.add('ledger.tier.set', 'admin1', { limitFen: 10_000_000, from: '2024-05-01' });
    const other = log.add('ledger.income.recorded', 'comm1', {
      fundId: 'f1',
      amount: 10_000,
      source: 'parking',
      payer: '停车场',
      day: '2024-05-06',
      receipts: [photo],
    });
    const [adminPhone, commPhone] = [phone(10), phone(20)];
    adminPhone.getArray('events').push([raise]);
    commPhone.getArray('events').push([other]);
    send(adminPhone, [raise], admin);
    send(commPhone, [other], community);
    const payer = phone(30, relay);
    const paid = pay(log);
    payer.getArray('events').push([paid]);
    expect(() => send(payer, [paid], property)).not.toThrow();
  });
});

describe('a signature whose author held what it repeats or contradicts', () => {
  it('a refusal by a member holding the expense fully approved is refused', () => {
    const log = expenseLog(three);
    const { phone, send } = relayCopy(log.events);
    const refusal = log.add('ledger.expense.refused', 'own1', { expenseId: 'x1', party: 'owners', note: '我反悔了' });
    const late = phone(10);
    late.getArray('events').push([refusal]);
    expect(() => send(late, [refusal], owners)).toThrow(/already_approved/);
  });

  it('a refusal backdated before one its author held is refused', () => {
    const log = expenseLog(three.slice(0, 1));
    const { phone, send, relay } = relayCopy(log.events);
    const first = log.add('ledger.expense.refused', 'own1', { expenseId: 'x1', party: 'owners', note: '报价太高' });
    const ownPhone = phone(10);
    ownPhone.getArray('events').push([first]);
    send(ownPhone, [first], owners);
    const doc = phone(20, relay);
    const second = backdated(
      log.add('ledger.expense.refused', 'prop1', { expenseId: 'x1', party: 'property' }),
      first,
      86_400_000,
    );
    doc.getArray('events').push([second]);
    expect(() => send(doc, [second], property)).toThrow(/expense_status/);
  });

  it('an approval backdated before its party’s approval its author held is refused', () => {
    const log = expenseLog(three);
    const comm = log.events.find((e) => e.type === 'ledger.expense.approved' && e.by === 'comm1') as AppEvent;
    const { phone, send } = relayCopy(log.events);
    const doc = phone(10);
    const again = backdated(
      log.add('ledger.expense.approved', 'admin1', { expenseId: 'x1', party: 'community' }),
      comm,
      3_600_000,
    );
    doc.getArray('events').push([again]);
    expect(() => send(doc, [again], admin)).toThrow(/already_approved/);
  });

  it('two members of one party approving offline at once: both kept, none flagged, the earlier signs, in either order', () => {
    const states: string[] = [];
    for (const [a, b] of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = expenseLog(three.slice(1));
      const { phone, send, events } = relayCopy(log.events);
      const first = log.add('ledger.expense.approved', 'comm1', { expenseId: 'x1', party: 'community' });
      const second = log.add('ledger.expense.approved', 'admin1', { expenseId: 'x1', party: 'community' });
      const [p1, p2] = [phone(a), phone(b)];
      p1.getArray('events').push([first]);
      p2.getArray('events').push([second]);
      send(p1, [first], community);
      expect(() => send(p2, [second], admin)).not.toThrow();
      const s = foldEvents(events());
      expect(s.anomalies).toEqual([]);
      expect(s.ledger.expenses.x1).toMatchObject({ status: 'approved', approvals: { community: { by: 'comm1' } } });
      states.push(JSON.stringify(s.ledger));
    }
    expect(states[1]).toBe(states[0]);
  });
});
