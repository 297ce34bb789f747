import { describe, expect, it } from 'vitest';
import { sheetFromUrl, sheetInUrl } from '../../../client/features/ledger/forms/context.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import type { Member } from '../../../shared/roles.ts';
import { admin, community, resident } from '../support/members.ts';
import { photo, TestLog } from '../support/TestLog.ts';

/** A fund with an income, a 30,000 yuan limit, an 80,000 yuan expense all three approved and a small one proposed. */
function ledgerLog() {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  log.add(
    'ledger.income.recorded',
    'comm1',
    { fundId: 'f1', amount: 500_000, source: 'parking', payer: '停车场', day: '2024-05-31', receipts: [] },
    'i1',
  );
  log.add('ledger.tier.set', 'admin1', { limitFen: 3_000_000, from: '2024-05-01' }, 't1');
  const propose = (id: string, amount: number) =>
    log.add(
      'ledger.expense.proposed',
      'prop1',
      { fundId: 'f1', amount, payee: '王小明', purpose: '修路灯', quotes: [photo] },
      id,
    );
  propose('big', 8_000_000);
  for (const [party, by] of [
    ['community', 'comm1'],
    ['owners', 'own1'],
    ['property', 'prop1'],
  ] as const)
    log.add('ledger.expense.approved', by, { expenseId: 'big', party });
  propose('small', 10_000);
  return log;
}

const fromUrl = (log: TestLog, sheet: string, of: string | undefined, viewer: Member) => {
  const { ledger } = foldEvents(log.events);
  const found = sheetFromUrl(sheet, of, ledger, Object.values(ledger.funds), viewer);
  return found && sheetInUrl(found);
};

describe('a ledger sheet named in the URL opens again only as the page would offer it', () => {
  it('every sheet goes into the URL with what it acts on, and comes back from it', () => {
    const log = ledgerLog();
    for (const [sheet, of, viewer] of [
      ['fund', undefined, community],
      ['tier', undefined, admin],
      ['income', 'f1', community],
      ['expense', undefined, community],
      ['link', 'big', community],
      ['refuse', 'small', community],
      ['reverse', 'i1', community],
    ] as const)
      expect(fromUrl(log, sheet, of, viewer)).toEqual({ sheet, of });
  });

  it('not to one who may not do it: a resident, or a committee member setting the admin’s limit', () => {
    const log = ledgerLog();
    for (const [sheet, of] of [
      ['fund', undefined],
      ['income', 'f1'],
      ['link', 'big'],
      ['refuse', 'small'],
      ['reverse', 'i1'],
    ] as const)
      expect(fromUrl(log, sheet, of, resident)).toBeUndefined();
    expect(fromUrl(log, 'tier', undefined, community)).toBeUndefined();
  });

  it('not once done meanwhile: a party signed, a record reversed, a fund or expense unknown', () => {
    const log = ledgerLog();
    // Waiting on an owners' assembly, the big expense cannot be paid; the small one is not approved.
    expect(fromUrl(log, 'pay', 'big', community)).toBeUndefined();
    expect(fromUrl(log, 'pay', 'small', community)).toBeUndefined();
    log.add('ledger.expense.approved', 'comm1', { expenseId: 'small', party: 'community' });
    log.add('ledger.reversed', 'comm1', { targetEventId: 'i1', reason: '重复登记' });
    expect(fromUrl(log, 'refuse', 'small', community)).toBeUndefined();
    expect(fromUrl(log, 'reverse', 'i1', community)).toBeUndefined();
    expect(fromUrl(log, 'income', 'nope', community)).toBeUndefined();
    expect(fromUrl(log, 'refuse', 'nope', community)).toBeUndefined();
    expect(fromUrl(log, 'other', undefined, community)).toBeUndefined();
  });
});
