import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { approvalsText, whoText } from '../../../client/features/ledger/notice/noticeText.ts';
import { showLocale } from '../../../client/i18n/index.ts';
import { payerWords } from '../../../client/i18n/payerWords.ts';
import { isOpeningPayer, OPENING_PAYER } from '../../../shared/folds/ledgerQueries.ts';
import type { NoticeExpense, NoticeIncome } from '../../../shared/ledgerNotice.ts';

const opening: NoticeIncome = {
  kind: 'income',
  id: 'i0',
  day: '2026-12-05',
  at: 0,
  source: 'other',
  who: OPENING_PAYER,
  amount: 2_000_000,
  reversal: null,
};
const at = Date.UTC(2026, 11, 5, 4);
const payment: NoticeExpense = {
  kind: 'expense',
  id: 'x1',
  day: '2026-12-05',
  at,
  purpose: '路灯',
  who: '便民维修部',
  amount: 120_000,
  approvals: [
    { party: 'community', by: 'm1', at },
    { party: 'owners', by: 'm2', at },
  ],
  conflicts: [],
  reversal: null,
};
const names: Record<string, string> = { m1: 'Li', m2: 'Zhang' };

describe('words the app wrote itself, in the reader’s language', () => {
  beforeAll(() => {
    vi.stubGlobal('document', { documentElement: { lang: '' } });
  });
  afterAll(async () => {
    await showLocale('zh-CN');
    vi.unstubAllGlobals();
  });

  it('an opening balance is the app’s word, not a payer’s name; only with source other', () => {
    expect(isOpeningPayer({ source: 'other' }, '期初余额')).toBe(true);
    expect(isOpeningPayer({ source: 'other' }, 'Opening balance')).toBe(true);
    expect(isOpeningPayer({ source: 'parking' }, '期初余额')).toBe(false);
    expect(isOpeningPayer({ source: 'other' }, '王小明')).toBe(false);
  });

  it('shows 期初余额 in Chinese and “Opening balance” in English, whichever was stored; other payers as stored', async () => {
    expect(payerWords({ source: 'other' }, 'Opening balance')).toBe('期初余额');
    expect(whoText(opening)).toBe('期初余额');
    await showLocale('en');
    // Paid by: 期初余额 in the English ledger, from a compound opened in Chinese.
    expect(payerWords({ source: 'other' }, '期初余额')).toBe('Opening balance');
    expect(whoText(opening)).toBe('Opening balance');
    expect(payerWords({ source: 'donation' }, '王小明')).toBe('王小明');
    expect(whoText(payment)).toBe('便民维修部');
    await showLocale('zh-CN');
  });

  // The English notice joined the approvals with a full-width "；".
  it('joins a payment’s approvals with ； in Chinese and “; ” in English', async () => {
    const nameOf = (id: string) => names[id] ?? id;
    expect(approvalsText(payment, nameOf)).toMatch(/^社区 Li .+；业委会 Zhang .+$/);
    await showLocale('en');
    const english = approvalsText(payment, nameOf);
    expect(english).toMatch(/^Community Li .+; Owners’ committee Zhang .+$/);
    expect(english).not.toContain('；');
    await showLocale('zh-CN');
  });
});
