import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { LedgerState } from './folds/ledger.ts';
import { inPeriod, type LedgerPeriod } from './ledgerPeriod.ts';
import { canonicalJson, normalizeHash, shortHash } from './paperHash.ts';
import { parties } from './roles.ts';
import { shanghaiDay, shanghaiDayStart } from './time.ts';

export type LedgerActKind =
  | 'fund'
  | 'income'
  | 'proposal'
  | 'approval'
  | 'refusal'
  | 'payment'
  | 'reversal'
  | 'tier'
  | 'assembly';

const sortedKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => cmp(a, b)));

/** One accepted ledger event as the fold holds it; `entryId` is the fund, income or expense it belongs to. */
export interface LedgerActRecord {
  k: LedgerActKind;
  id: string;
  at: number;
  by: string;
  entryId: string;
  /** The day it counts on: the entered day of money in or out, else the Asia/Shanghai day it was written. */
  day: string;
  data: Record<string, unknown>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every act the fold accepted, sorted by (at, id): the same on every phone whatever the log's order.
 * Keys are written in sorted order (here and in each `data`), so plain JSON of an act is canonical.
 */
export function ledgerActs(state: LedgerState): LedgerActRecord[] {
  const out: LedgerActRecord[] = [];
  const push = (
    k: LedgerActKind,
    a: { eventId: string; at: number; by: string },
    entryId: string,
    data: Record<string, unknown>,
    day?: string,
  ) => out.push({ at: a.at, by: a.by, data, day: day ?? shanghaiDay(a.at), entryId, id: a.eventId, k });
  // A limit counts from the day it takes effect: set later for a past day, it shows as written since.
  for (const t of state.tiers) push('tier', t, t.eventId, { from: t.from, limitFen: t.limitFen }, t.from);
  for (const f of Object.values(state.funds))
    push('fund', { eventId: f.id, at: f.openedAt, by: '' }, f.id, { kind: f.kind, name: f.name });
  for (const x of Object.values(state.incomes)) {
    const { amount, day, fundId, note, payer, receipts, source } = x;
    push('income', x, x.id, { amount, day, fundId, note, payer, receipts, source }, day);
    if (x.reversal) push('reversal', x.reversal, x.id, { reason: x.reversal.reason });
  }
  for (const x of Object.values(state.expenses)) {
    const { amount, fundId, payee, purpose, quotes, requestId } = x;
    push('proposal', x, x.id, { amount, fundId, payee, purpose, quotes, requestId });
    for (const party of parties) {
      const a = x.approvals[party];
      if (a) push('approval', a, x.id, { note: a.note, party });
    }
    for (const l of x.assembly) {
      const { decisionId, meetingId, passed } = l;
      push('assembly', l, x.id, { decisionId, meetingId, passed, tally: sortedKeys(l.tally) });
    }
    if (x.refusal) push('refusal', x.refusal, x.id, { note: x.refusal.note, party: x.refusal.party });
    for (const p of x.payments) {
      push('payment', p, x.id, { day: p.day, receipts: p.receipts }, p.day);
      if (p.reversal) push('reversal', p.reversal, x.id, { reason: p.reversal.reason });
    }
  }
  return out.sort((a, b) => a.at - b.at || cmp(a.id, b.id));
}

/** The acts a paper for a period ending on `endDay` covers: every one that counts on or before that day. */
export const actsUpTo = (acts: readonly LedgerActRecord[], endDay: string) => acts.filter((a) => a.day <= endDay);

const header = (endDay: string) => `${canonicalJson({ v: 1, ledgerUpTo: endDay })}\n`;
/** An act as one line of canonical JSON (its keys are already sorted). */
export const actLine = (a: LedgerActRecord) => `${JSON.stringify(a)}\n`;

/** SHA-256 (hex) of the canonical ledger up to a day: a header, then one canonical JSON line per act in (at, id) order. */
export function ledgerDigest(state: LedgerState, endDay: string): string {
  const text = header(endDay) + actsUpTo(ledgerActs(state), endDay).map(actLine).join('');
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The short hash a notice for a period carries: the ledger up to the period's last day. */
export function ledgerHash(state: LedgerState, period: LedgerPeriod): string {
  return shortHash(ledgerDigest(state, period.endDay));
}

export type LedgerPaperCheck =
  | {
      kind: 'matches';
      /** Written after the paper was printed but counting on or before its last day (late or backdated). */
      lateActs: LedgerActRecord[];
      /** Reversals recorded after the period of entries that count in it. */
      laterReversals: LedgerActRecord[];
    }
  | { kind: 'no_match' };

/**
 * Whether a printed hash is this ledger up to the period's end: as it stands, or as it stood when
 * printed (a prefix of its acts in written order, written since the period began) — then the acts
 * written after are listed. Reversals after the period that touch its entries are listed either way.
 */
export function checkLedgerPaper(state: LedgerState, period: LedgerPeriod, printed: string): LedgerPaperCheck {
  const want = normalizeHash(printed);
  const all = ledgerActs(state);
  const acts = actsUpTo(all, period.endDay);
  const periodStart = shanghaiDayStart(period.startDay);
  // A paper is printed once its period has begun: every act written before then is on it, hashed in one go.
  let k = acts.findIndex((a) => a.at >= periodStart);
  if (k < 0) k = acts.length;
  const h = sha256.create().update(utf8ToBytes(header(period.endDay) + acts.slice(0, k).map(actLine).join('')));
  let matched: number | undefined;
  for (; k <= acts.length; k++) {
    if (shortHash(bytesToHex(h.clone().digest())) === want) matched = k;
    const next = acts[k];
    if (next) h.update(utf8ToBytes(actLine(next)));
  }
  if (matched === undefined) return { kind: 'no_match' };
  const touched = new Set(
    all.filter((a) => (a.k === 'income' || a.k === 'payment') && inPeriod(a.day, period)).map((a) => a.entryId),
  );
  return {
    kind: 'matches',
    lateActs: acts.slice(matched),
    laterReversals: all.filter((a) => a.k === 'reversal' && a.day > period.endDay && touched.has(a.entryId)),
  };
}
