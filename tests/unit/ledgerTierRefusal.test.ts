import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { needsAssembly } from '../../shared/folds/ledgerQueries.ts';
import { admin, community, property } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

describe('ledger: a raised limit the payer held, but not in its payment’s causal past', () => {
  it('an honest payment its copy allowed is not refused tier_unmet when another admin lowered the limit at once', () => {
    const log = new TestLog();
    log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
    log.add('ledger.tier.set', 'admin1', { limitFen: 1_000_000, from: '2024-05-01' }, 'L1');
    log.add(
      'ledger.expense.proposed',
      'admin1',
      { fundId: 'f1', amount: 2_860_000, payee: '施工队', purpose: '篮球场改造', quotes: [photo] },
      'x1',
    );
    for (const party of ['community', 'owners', 'property'] as const)
      log.add('ledger.expense.approved', 'admin1', { expenseId: 'x1', party });
    const { relay, phone, send } = relayCopy(log.events);
    // Admin raises the limit offline; a committee member records an unrelated income offline at once.
    const raise = log.add('ledger.tier.set', 'admin1', { limitFen: 5_000_000, from: '2024-05-01' }, 'L2');
    const other = log.add(
      'ledger.income.recorded',
      'comm1',
      { fundId: 'f1', amount: 100, source: 'parking', payer: '停车场', day: '2024-05-31', receipts: [photo] },
      'i2',
    );
    // A second admin phone, offline too, sets a lower limit a little later.
    const lower = log.add('ledger.tier.set', 'admin1', { limitFen: 2_000_000, from: '2024-05-01' }, 'L3');
    const [a, c, a2] = [phone(10), phone(20), phone(40)];
    a.getArray('events').push([raise]);
    c.getArray('events').push([other]);
    a2.getArray('events').push([lower]);
    send(a, [raise], admin);
    send(c, [other], community);
    // The payer syncs now: its copy holds the raised limit, so the expense may be paid.
    const payer = phone(50, relay);
    const held = foldEvents(payer.getArray('events').toArray() as AppEvent[]);
    expect(needsAssembly(held.ledger, held.ledger.expenses.x1!)).toBe(false);
    send(a2, [lower], admin);
    const paid = log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-10', receipts: [photo] });
    payer.getArray('events').push([paid]);
    expect(() => send(payer, [paid], property)).not.toThrow();
  });
});
