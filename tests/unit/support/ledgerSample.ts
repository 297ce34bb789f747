import { photo, TestLog } from './TestLog.ts';

const at = (iso: string) => Date.parse(iso) - 60_000;

/**
 * A shared account through 2024: opening income in Q2, parking and a private donor in Q3, an
 * expense to a private payee approved by all three and paid in Q3, an advertising income in Q3
 * reversed in Q4.
 */
export function ledgerLog(): TestLog {
  const log = new TestLog();
  log.at = at('2024-05-06T02:00:00Z');
  log.add('ledger.fund.opened', 'comm1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  const income = (
    id: string,
    amount: number,
    source: 'parking' | 'donation' | 'advertising',
    payer: string,
    day: string,
  ) => log.add('ledger.income.recorded', 'prop1', { fundId: 'f1', amount, source, payer, day, receipts: [photo] }, id);
  income('i0', 5_000_000, 'parking', '期初余额', '2024-05-06');
  log.at = at('2024-07-02T02:00:00Z');
  income('i1', 123_450, 'parking', '停车场临时停车收费', '2024-07-02');
  income('i2', 50_000, 'donation', '王小明', '2024-07-03');
  income('i3', 800_000, 'advertising', '电梯广告公司', '2024-07-05');
  log.add(
    'ledger.expense.proposed',
    'prop1',
    {
      fundId: 'f1',
      amount: 1_286_050,
      payee: '=HYPERLINK("http://x.example","点我")',
      purpose: '5号楼路灯维修',
      quotes: [photo],
    },
    'x1',
  );
  for (const [party, by] of [
    ['community', 'comm1'],
    ['owners', 'own1'],
    ['property', 'prop1'],
  ] as const)
    log.add('ledger.expense.approved', by, { expenseId: 'x1', party }, `a-${party}`);
  log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-08-10', receipts: [photo] }, 'p1');
  log.at = at('2024-10-09T02:00:00Z');
  log.add('ledger.reversed', 'own1', { targetEventId: 'i3', reason: '重复录入' }, 'r1');
  return log;
}
