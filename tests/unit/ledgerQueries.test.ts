import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import {
  expenseTurns,
  fundViews,
  isIncome,
  isPersonName,
  ledgerTodos,
  ledgerTurnCounts,
  maskName,
  type PartyOf,
  signatureMark,
} from '../../shared/folds/ledgerQueries.ts';
import type { Party } from '../../shared/roles.ts';
import { photo, TestLog } from './support/TestLog.ts';

const partyOfMember: Record<string, Party> = { comm1: 'community', own1: 'owners', prop1: 'property' };
const partyOf: PartyOf = (id) => partyOfMember[id];

/** A fund with an income and two expenses proposed by the property company's member. */
function account() {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'comm1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  log.add(
    'ledger.income.recorded',
    'prop1',
    { fundId: 'f1', amount: 500_000, source: 'parking', payer: '停车场', day: '2024-05-31', receipts: [] },
    'i1',
  );
  for (const id of ['x1', 'x2'])
    log.add(
      'ledger.expense.proposed',
      'prop1',
      { fundId: 'f1', amount: 10_000, payee: '王小明', purpose: '修路灯', quotes: [photo] },
      id,
    );
  return log;
}

const approve = (log: TestLog, expenseId: string, party: Party, by: string) =>
  log.add('ledger.expense.approved', by, { expenseId, party });

describe('whose turn in the ledger', () => {
  it('a proposal waits on every party that has not signed it yet', () => {
    const log = account();
    approve(log, 'x1', 'owners', 'own1');
    const { ledger } = foldEvents(log.events);
    expect(expenseTurns(ledger.expenses.x1!, partyOf)).toEqual(['community', 'property']);
    expect(expenseTurns(ledger.expenses.x2!, partyOf)).toEqual(['community', 'owners', 'property']);
    expect(ledgerTodos(ledger, 'owners', partyOf).map((t) => [t.kind, t.expense.id])).toEqual([['approve', 'x2']]);
    expect(ledgerTurnCounts(ledger, partyOf)).toEqual({ community: 2, owners: 1, property: 2 });
  });

  it('an approved expense waits on the proposer’s party to record the payment, then on no one', () => {
    const log = account();
    for (const [party, by] of [
      ['community', 'comm1'],
      ['owners', 'own1'],
      ['property', 'prop1'],
    ] as const)
      approve(log, 'x1', party, by);
    let { ledger } = foldEvents(log.events);
    expect(ledgerTodos(ledger, 'property', partyOf).map((t) => [t.kind, t.expense.id])).toEqual([
      ['pay', 'x1'],
      ['approve', 'x2'],
    ]);
    expect(ledgerTodos(ledger, 'community', partyOf).map((t) => t.expense.id)).toEqual(['x2']);
    log.add('ledger.expense.paid', 'prop1', { expenseId: 'x1', day: '2024-06-01', receipts: [photo] });
    ({ ledger } = foldEvents(log.events));
    expect(expenseTurns(ledger.expenses.x1!, partyOf)).toEqual([]);
    expect(ledgerTurnCounts(ledger, partyOf)).toEqual({ community: 1, owners: 1, property: 1 });
  });

  it('a payment whose proposer the members log does not know waits on all three parties', () => {
    const log = account();
    for (const party of ['community', 'owners', 'property'] as const) approve(log, 'x1', party, `${party}-x`);
    const { ledger } = foldEvents(log.events);
    expect(expenseTurns(ledger.expenses.x1!, () => undefined)).toEqual(['community', 'owners', 'property']);
  });

  it('a refusal by any party ends what the proposal waits on', () => {
    const log = account();
    log.add('ledger.expense.refused', 'own1', { expenseId: 'x1', party: 'owners', note: '报价太高' });
    const { ledger } = foldEvents(log.events);
    expect(expenseTurns(ledger.expenses.x1!, partyOf)).toEqual([]);
    expect(ledgerTodos(ledger, 'community', partyOf).map((t) => t.expense.id)).toEqual(['x2']);
  });
});

describe('each party’s box on an expense', () => {
  const marks = (x: Parameters<typeof signatureMark>[0]) =>
    (['community', 'owners', 'property'] as const).map((p) => signatureMark(x, p));

  it('a proposal waits on every party that has not signed', () => {
    const log = account();
    approve(log, 'x1', 'owners', 'own1');
    const { ledger } = foldEvents(log.events);
    expect(marks(ledger.expenses.x1!)).toEqual(['waiting', 'approved', 'waiting']);
  });

  // A refused expense still showed the other parties as 待签字, as if it could still be signed.
  it('once refused, the parties that did not sign are no longer asked to', () => {
    const log = account();
    approve(log, 'x1', 'community', 'comm1');
    log.add('ledger.expense.refused', 'own1', { expenseId: 'x1', party: 'owners', note: '报价太高' });
    const { ledger } = foldEvents(log.events);
    expect(marks(ledger.expenses.x1!)).toEqual(['approved', 'refused', 'not_needed']);
  });

  it('a party that approved and refused at once on two phones shows as refused', () => {
    const log = account();
    approve(log, 'x1', 'owners', 'own1');
    log.add('ledger.expense.refused', 'own1', { expenseId: 'x1', party: 'owners' });
    const { ledger } = foldEvents(log.events);
    expect(marks(ledger.expenses.x1!)).toEqual(['not_needed', 'refused', 'not_needed']);
  });
});

describe('a fund’s history', () => {
  it('lists each fund’s incomes and expenses together, newest first', () => {
    const log = account();
    log.add('ledger.fund.opened', 'comm1', { name: '捐款', kind: 'donation' }, 'f2');
    const { ledger } = foldEvents(log.events);
    const views = fundViews(ledger);
    expect(views.map((v) => v.fund.id)).toEqual(['f1', 'f2']);
    expect(views[0]!.entries.map((e) => `${isIncome(e) ? 'in' : 'out'}:${e.id}`)).toEqual([
      'out:x2',
      'out:x1',
      'in:i1',
    ]);
    expect(views[1]!.entries).toEqual([]);
  });
});

describe('masking private people’s names on public views', () => {
  it('masks two to four Chinese characters to the surname and one star', () => {
    expect(maskName('王小明')).toBe('王*');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧*');
    expect(maskName(' 张师傅 ')).toBe('张*');
    expect(maskName('买买提·艾力')).toBe('买*');
  });

  it('leaves companies, shops, departments, committees and bookkeeping words as they are', () => {
    for (const name of [
      '华宇建筑装饰公司',
      '五金店',
      '物业',
      '社区居委会',
      '街道办事处',
      '绿化队',
      '供电所',
      '业委会',
      '期初余额',
      '停车收费',
    ])
      expect([name, isPersonName(name)]).toEqual([name, false]);
    expect(maskName('幸福里物业服务中心')).toBe('幸福里物业服务中心');
  });

  it('leaves longer names, Latin names and mixed text unmasked (the rule reads Chinese personal names only)', () => {
    for (const name of ['上海城建市政工程集团', 'Zhang Wei', '老王 5号楼', '王']) expect(maskName(name)).toBe(name);
  });
});
