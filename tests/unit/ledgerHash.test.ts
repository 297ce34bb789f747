import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { actLine, checkLedgerPaper, ledgerActs, ledgerDigest, ledgerHash } from '../../shared/ledgerHash.ts';
import { parsePeriod } from '../../shared/ledgerPeriod.ts';
import { canonicalJson } from '../../shared/paperHash.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { ledgerLog } from './support/ledgerSample.ts';
import { linearExtension } from './support/linearExtension.ts';

const q3 = parsePeriod('2024-Q3')!;
const state = (events = ledgerLog().events) => foldEvents(events).ledger;

describe('the canonical ledger hash', () => {
  it('is the same for every causal order in which the same events arrive', () => {
    const events = ledgerLog().events;
    const want = ledgerDigest(state(events), q3.endDay);
    const rng = new Prng(7);
    for (let i = 0; i < 30; i++) expect(ledgerDigest(state(linearExtension(events, rng)), q3.endDay)).toBe(want);
  });

  it('writes every act as canonical JSON, keys sorted', () => {
    const acts = ledgerActs(state());
    expect(acts.map((a) => a.k).sort()).toEqual(
      [
        'approval',
        'approval',
        'approval',
        'fund',
        'income',
        'income',
        'income',
        'income',
        'payment',
        'proposal',
        'reversal',
      ].sort(),
    );
    for (const a of acts) expect(actLine(a)).toBe(`${canonicalJson(a)}\n`);
  });

  it('changes when any entry up to the period’s end changes', () => {
    const want = ledgerHash(state(), q3);
    const events = ledgerLog().events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.at > Date.parse('2024-09-30T16:00:00Z')) continue;
      const changed = events.map((x, j) => (j === i ? { ...x, at: x.at + 1 } : x));
      expect(ledgerHash(state(changed), q3), e.id).not.toBe(want);
    }
    const amount = ledgerLog().events.map((x) => (x.id === 'i2' ? { ...x, amount: 50_001 } : x));
    expect(ledgerHash(state(amount), q3)).not.toBe(want);
  });

  it('leaves out what counts after the period: a later reversal does not change it', () => {
    const events = ledgerLog().events;
    const before = events.filter((e) => e.id !== 'r1');
    expect(ledgerHash(state(events), q3)).toBe(ledgerHash(state(before), q3));
    expect(ledgerHash(state(events), parsePeriod('2024-Q4')!)).not.toBe(
      ledgerHash(state(before), parsePeriod('2024-Q4')!),
    );
  });

  it('checks a paper: matches, lists a later reversal of a period entry, refuses a wrong hash', () => {
    const printed = ledgerHash(state(ledgerLog().events.filter((e) => e.id !== 'r1')), q3);
    const check = checkLedgerPaper(state(), q3, printed.toUpperCase().replace(/(.{4})/g, '$1 '));
    expect(check.kind).toBe('matches');
    if (check.kind !== 'matches') return;
    expect(check.lateActs).toEqual([]);
    expect(check.laterReversals.map((a) => [a.k, a.entryId])).toEqual([['reversal', 'i3']]);
    expect(checkLedgerPaper(state(), q3, `${printed.slice(0, -1)}${printed.endsWith('0') ? '1' : '0'}`)).toEqual({
      kind: 'no_match',
    });
  });

  it('matches a paper printed mid-period and lists the entries written since', () => {
    const events = ledgerLog().events;
    const cut = events.findIndex((e) => e.id === 'x1');
    const printed = ledgerHash(state(events.slice(0, cut)), q3);
    const check = checkLedgerPaper(state(events), q3, printed);
    expect(check.kind).toBe('matches');
    if (check.kind === 'matches')
      expect(check.lateActs.map((a) => a.k)).toEqual(['proposal', 'approval', 'approval', 'approval', 'payment']);
  });
});
