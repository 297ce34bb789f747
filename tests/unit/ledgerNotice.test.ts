import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { ledgerNotice } from '../../shared/ledgerNotice.ts';
import { parsePeriod, periodOf, periodsBetween } from '../../shared/ledgerPeriod.ts';
import { ledgerLog } from './support/ledgerSample.ts';

const state = () => foldEvents(ledgerLog().events).ledger;

describe('ledger periods', () => {
  it('reads a month or a quarter and refuses anything else', () => {
    expect(parsePeriod('2024-Q3')).toEqual({
      id: '2024-Q3',
      kind: 'quarter',
      startDay: '2024-07-01',
      endDay: '2024-09-30',
    });
    expect(parsePeriod('2024-02')).toEqual({
      id: '2024-02',
      kind: 'month',
      startDay: '2024-02-01',
      endDay: '2024-02-29',
    });
    for (const bad of ['2024-13', '2024-Q5', '2024-9', 'Q3', '']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('lists periods newest first', () => {
    expect(periodsBetween('2024-05-06', '2024-10-09', 'quarter').map((p) => p.id)).toEqual([
      '2024-Q4',
      '2024-Q3',
      '2024-Q2',
    ]);
    expect(periodOf('2024-12-31', 'month').id).toBe('2024-12');
  });
});

describe('the public notice of a period', () => {
  it('gives the opening balance, the period’s lines with approvals, totals and the closing balance', () => {
    const n = ledgerNotice(state(), parsePeriod('2024-Q3')!);
    expect(n.tierLimit).toBeNull();
    const [f] = n.funds;
    expect(f!.opening).toBe(5_000_000);
    expect(f!.lines.map((l) => [l.kind, l.id, l.day])).toEqual([
      ['income', 'i1', '2024-07-02'],
      ['income', 'i2', '2024-07-03'],
      ['income', 'i3', '2024-07-05'],
      ['expense', 'x1', '2024-08-10'],
    ]);
    const x = f!.lines[3]!;
    expect(x.kind === 'expense' && x.approvals.map((a) => `${a.party}:${a.by}`)).toEqual([
      'community:comm1',
      'owners:own1',
      'property:prop1',
    ]);
    // A reversal recorded after the period is not on this paper.
    expect(f!.lines[2]!.reversal).toBeNull();
    expect(f!.bySource).toEqual([
      ['advertising', 800_000],
      ['parking', 123_450],
      ['donation', 50_000],
    ]);
    expect(f!.byPurpose).toEqual([['5号楼路灯维修', 1_286_050]]);
    expect(f!.closing).toBe(5_000_000 + 123_450 + 50_000 + 800_000 - 1_286_050);
  });

  it('masks a private payer and leaves an organisation’s name', () => {
    const [f] = ledgerNotice(state(), parsePeriod('2024-07')!).funds;
    expect(f!.lines.map((l) => (l.kind === 'reversal' ? '' : l.who))).toEqual([
      '停车场临时停车收费',
      '王*',
      '电梯广告公司',
    ]);
  });

  it('shows a reversal of an earlier period’s entry on its own line, counted in its own period', () => {
    const [f] = ledgerNotice(state(), parsePeriod('2024-Q4')!).funds;
    expect(f!.lines).toMatchObject([
      { kind: 'reversal', target: 'income', targetDay: '2024-07-05', label: 'advertising', amount: -800_000 },
    ]);
    expect(f!.bySource).toEqual([['advertising', -800_000]]);
    expect(f!.closing).toBe(f!.opening - 800_000);
  });

  it('shows on the paper a refusal made offline beside the payment, which still counts', () => {
    const log = ledgerLog();
    // The owners' refusal of x1 was written offline before the payment reached it, stamped earlier.
    const paid = log.events.find((e) => e.type === 'ledger.expense.paid');
    log.add('ledger.expense.refused', 'own2', { expenseId: 'x1', party: 'owners', note: '先别付' });
    const events = log.events.slice();
    const refusal = events.pop()!;
    events.splice(events.indexOf(paid!), 0, { ...refusal, at: paid!.at - 60_000 });
    const [f] = ledgerNotice(foldEvents(events).ledger, parsePeriod('2024-Q3')!).funds;
    const x = f!.lines.find((l) => l.id === 'x1');
    expect(x?.kind === 'expense' && x.conflicts).toEqual([
      { code: 'approved_and_refused', party: 'owners' },
      { code: 'paid_despite_refusal', party: 'owners' },
    ]);
    expect(f!.closing).toBe(5_000_000 + 123_450 + 50_000 + 800_000 - 1_286_050);
  });

  it('shows a negative closing balance as it is', () => {
    const log = ledgerLog();
    log.add(
      'ledger.expense.proposed',
      'prop1',
      { fundId: 'f1', amount: 9_000_000, payee: '华宇公司', purpose: '大修', quotes: [] },
      'x2',
    );
    for (const [party, by] of [
      ['community', 'comm1'],
      ['owners', 'own1'],
      ['property', 'prop1'],
    ] as const)
      log.add('ledger.expense.approved', by, { expenseId: 'x2', party });
    log.add('ledger.expense.paid', 'prop1', { expenseId: 'x2', day: '2024-10-10', receipts: [] });
    const [f] = ledgerNotice(foldEvents(log.events).ledger, parsePeriod('2024-Q4')!).funds;
    expect(f!.closing).toBeLessThan(0);
  });
});
