import './support/offlineBrowser.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleError } from '../../../shared/errors.ts';
import { eventually } from '../../helpers/eventually.ts';

const { CompoundSession } = await import('../../../client/sync/CompoundSession.ts');
const { openFund } = await import('../../../client/domain/ledgerWrites.ts');

describe('a form that writes two events', () => {
  const session = new CompoundSession({
    compoundId: 'c-ledger',
    compoundName: '幸福里',
    memberId: 'adm1',
    name: '王阿姨',
    role: 'admin',
    party: 'community',
    token: 'token',
    addedAt: 0,
  });
  afterAll(() => session.destroy());
  const opening = { amount: 5_000_000, source: 'parking' as const, payer: '停车场', receipts: [] };

  it('writes both in one transaction, or neither when the second is refused, so a retry makes no second fund', async () => {
    const handle = session.doc('public');
    await eventually(() => expect(handle.loaded()).toBe(true));
    const events = handle.events();
    let writes = 0;
    handle.doc().on('afterTransaction', (tr) => {
      if (tr.local) writes++;
    });
    // A day that is no day: the opening balance is refused, and the fund is not written either.
    expect(() =>
      openFund(session, { name: '三方共管账户', kind: 'shared-account', opening: { ...opening, day: '2024-13-45' } }),
    ).toThrow(RuleError);
    expect(events.length).toBe(0);
    const fundId = openFund(session, {
      name: '三方共管账户',
      kind: 'shared-account',
      opening: { ...opening, day: '2024-05-31' },
    });
    expect(events.toArray()).toMatchObject([
      { id: fundId, type: 'ledger.fund.opened' },
      { type: 'ledger.income.recorded', fundId, amount: 5_000_000 },
    ]);
    expect(writes).toBe(1);
  });
});
