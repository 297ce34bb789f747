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

/** The minutes with only the first `count` amendments (the fold keeps them in time order). */
export function withAmendments(state: MinutesState, count: number): MinutesState {
  return { ...state, amendments: state.amendments.slice(0, count) };
}

export type PaperCheck =
  | { kind: 'matches'; amendedSince: MinutesState['amendments'] }
  | { kind: 'not_locked' }
  | { kind: 'no_match' };

/**
 * Whether a printed hash is these minutes: as they stand, or as they stood before some of the
 * amendments made since (then those amendments are listed). Only locked minutes are printed.
 */
export function checkPaper(meetingId: string, state: MinutesState, notes: string, printed: string): PaperCheck {
  if (!state.locked) return { kind: 'not_locked' };
  const want = normalizeHash(printed);
  for (let k = state.amendments.length; k >= 0; k--) {
    if (minutesHash(meetingId, withAmendments(state, k), notes) === want)
      return { kind: 'matches', amendedSince: state.amendments.slice(k) };
  }
  return { kind: 'no_match' };
}
