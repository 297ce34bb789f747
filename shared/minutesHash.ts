import type { MinutesState } from './folds/foldMinutes.ts';
import { canonicalJson, normalizeHash, sha256Hex, shortHash } from './paperHash.ts';
import { parties } from './roles.ts';

export { groupHash, normalizeHash, SHORT_HASH_LENGTH } from './paperHash.ts';

/**
 * The minutes as one string that every phone computes alike: the meeting, what the fold holds
 * (anomalies left out: they are in log order and carry nothing that was agreed), the notes text,
 * object keys sorted. Lists are already in the fold's canonical order.
 */
export function canonicalMinutes(meetingId: string, state: MinutesState, notes: string): string {
  const signOffs = parties.flatMap((p) => {
    const s = state.signOffs[p];
    return s ? [{ party: p, ...s }] : [];
  });
  const value = {
    v: 1,
    meetingId,
    attendees: state.attendees,
    items: state.items,
    decisions: state.decisions,
    actionItems: state.actionItems,
    signOffs,
    signingParties: state.signingParties,
    locked: state.locked,
    lockedAt: state.lockedAt,
    amendments: state.amendments,
    notes: notes.normalize('NFC'),
  };
  return canonicalJson(value);
}

/** The SHA-256 (hex) of the canonical minutes. */
export function minutesDigest(meetingId: string, state: MinutesState, notes: string): string {
  return sha256Hex(canonicalMinutes(meetingId, state, notes));
}

/** The first SHORT_HASH_LENGTH hex characters of the digest: what the paper and its QR carry. */
export function minutesHash(meetingId: string, state: MinutesState, notes: string): string {
  return shortHash(minutesDigest(meetingId, state, notes));
}

export type PaperCheck =
  | { kind: 'matches'; amendedSince: MinutesState['amendments'] }
  | { kind: 'not_locked' }
  | { kind: 'no_match' };

/**
 * Up to this many amendments, a paper is checked against every subset of them; beyond, against
 * the amendments in time order only (a subset per count), so a hostile flood of amendments costs
 * a check no more than linear time.
 */
export const PAPER_SUBSET_AMENDMENTS = 8;

/**
 * Whether a printed hash is these minutes: as they stand, or as they stood before some of the
 * amendments made since (then those amendments are listed). Only locked minutes are printed.
 * Amendments are in time order, and an offline phone's amendment stamped before a paper was
 * printed can reach the relay after it: the printed set need not be the first ones in time.
 */
export function checkPaper(meetingId: string, state: MinutesState, notes: string, printed: string): PaperCheck {
  if (!state.locked) return { kind: 'not_locked' };
  const want = normalizeHash(printed);
  const all = state.amendments;
  const matches = (kept: MinutesState['amendments']) =>
    minutesHash(meetingId, { ...state, amendments: kept }, notes) === want;
  if (all.length <= PAPER_SUBSET_AMENDMENTS) {
    // Larger subsets first: the paper printed latest explains the most.
    const masks = Array.from({ length: 1 << all.length }, (_, mask) => mask);
    masks.sort((a, b) => bits(b) - bits(a) || a - b);
    for (const mask of masks) {
      const kept = all.filter((_, i) => mask & (1 << i));
      if (matches(kept)) return { kind: 'matches', amendedSince: all.filter((_, i) => !(mask & (1 << i))) };
    }
    return { kind: 'no_match' };
  }
  for (let k = all.length; k >= 0; k--) {
    if (matches(all.slice(0, k))) return { kind: 'matches', amendedSince: all.slice(k) };
  }
  return { kind: 'no_match' };
}

function bits(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x &= x - 1) c++;
  return c;
}
