import type * as Y from 'yjs';

/**
 * The phone's clock, set by the relay's, and the stamps events get from it.
 *
 * Folds order what two phones wrote by (at, id), and the relay refuses an event stamped more than a
 * day ahead of its own clock. A phone whose clock is wrong (set by hand, reset with a flat battery)
 * would write events that sort before what it had already seen, or be refused and reset. So every
 * answer of the relay's HTTP API sets the phone's offset from its `Date` header (kept for offline
 * visits), and an event is stamped after every event the phone's copy holds.
 */

/** How far past the phone's (corrected) time a stamp may go to come after what its copy holds. */
export const STAMP_LEAD_MS = 10 * 60_000;
/** Offsets under this are the `Date` header's one-second resolution and the round trip's noise. */
export const CLOCK_NOISE_MS = 2_000;
/** A slower answer says too little about when the relay wrote its `Date` (an upload's comes after its body). */
export const MAX_ROUND_TRIP_MS = 4_000;
/**
 * How far ahead an offset this visit has not confirmed is applied. The relay refuses stamps more
 * than a day ahead of its clock (and the phone's copy is reset), so an offset learned while the
 * phone was days behind must not outlive the phone's clock being set right.
 */
export const UNCONFIRMED_AHEAD_MS = 12 * 3_600_000;
/** The phone's clock moved this much against its monotonic clock: set by hand, or the phone slept. */
export const CLOCK_JUMP_MS = 60_000;
const KEY = 'little-stool:relay-clock';

/** An offset learned from the relay, with the phone's wall and monotonic clocks when it was. */
export interface Learned {
  offset: number;
  wallAt: number;
  monoAt: number;
}

/** The offset a past visit learned; this visit's answers confirm or replace it. */
let stored = readStored();
let learned: Learned | undefined;
let askAgain: (() => void) | undefined;
let askedAt = Number.NEGATIVE_INFINITY;

function readStored(): number {
  try {
    const n = Number(globalThis.localStorage?.getItem(KEY) ?? 0);
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}

/**
 * How far the relay's clock is ahead of this phone's, from an answer's `Date` header and when the
 * request went out and the answer came back (this phone's ms); undefined when the answer says too
 * little. The header has whole seconds: the relay's time was in [date, date + 1 s) at the midpoint.
 */
export function relayOffset(date: string | null, sentAt: number, receivedAt: number): number | undefined {
  if (!date || receivedAt < sentAt || receivedAt - sentAt > MAX_ROUND_TRIP_MS) return undefined;
  const relay = Date.parse(date);
  if (!Number.isFinite(relay)) return undefined;
  const off = relay + 500 - (sentAt + receivedAt) / 2;
  return Math.abs(off) < CLOCK_NOISE_MS ? 0 : Math.round(off);
}

/** Takes the relay's time from one of its answers. */
export function learnRelayClock(date: string | null, sentAt: number, receivedAt: number): void {
  const off = relayOffset(date, sentAt, receivedAt);
  if (off === undefined) return;
  learned = { offset: off, wallAt: Date.now(), monoAt: performance.now() };
  if (off === stored) return;
  stored = off;
  try {
    globalThis.localStorage?.setItem(KEY, String(off));
  } catch {
    // No storage: the offset lasts for this visit.
  }
}

/**
 * The offset to apply at wall time `wall` and monotonic time `mono`: the one learned in this visit
 * while the phone's clock keeps pace with its monotonic clock; otherwise (nothing learned yet, or
 * the clock was set or the phone slept since) the last one known, but no more than
 * UNCONFIRMED_AHEAD_MS ahead. A negative offset (a phone ahead) is always applied whole: leaving
 * it out would stamp more than a day ahead.
 */
export function offsetAt(learnedNow: Learned | undefined, storedNow: number, wall: number, mono: number): number {
  if (learnedNow && Math.abs(wall - learnedNow.wallAt - (mono - learnedNow.monoAt)) <= CLOCK_JUMP_MS) {
    return learnedNow.offset;
  }
  return Math.min(learnedNow?.offset ?? storedNow, UNCONFIRMED_AHEAD_MS);
}

/**
 * How to ask the relay for its time again (an API call: its answer is learned as any other), when
 * the offset in use is not confirmed; at most once in 30 s.
 */
export function whenClockUnconfirmed(ask: () => void): void {
  askAgain = ask;
}

/** The relay's time as this phone last learned it: Date.now() when its clock is right. */
export function relayNow(): number {
  const wall = Date.now();
  const mono = performance.now();
  const offset = offsetAt(learned, stored, wall, mono);
  if (offset !== learned?.offset && askAgain && mono - askedAt > 30_000) {
    askedAt = mono;
    askAgain();
  }
  return wall + offset;
}

/**
 * The stamp of an event written `now`, given the latest stamp in the copy it is written to: after
 * it, so that (at, id) puts the event after everything its author had seen, however slow the
 * phone's clock; but not after a stamp STAMP_LEAD_MS or more ahead of `now`, which no phone on
 * the relay's time writes: a far-future stamp (the relay takes them up to a day ahead) must not
 * carry every later event along with it.
 */
export function stampAfter(now: number, latest: number | undefined): number {
  if (latest === undefined || latest < now || latest + 1 >= now + STAMP_LEAD_MS) return now;
  return latest + 1;
}

const latestOf = new WeakMap<Y.Doc, { latest: number | undefined; fresh: boolean }>();

/** The latest `at` of the events in a document's log; walked again only after the doc changed. */
export function latestStamp(doc: Y.Doc): number | undefined {
  let entry = latestOf.get(doc);
  if (!entry) {
    const made = { latest: undefined as number | undefined, fresh: false };
    doc.on('update', () => {
      made.fresh = false;
    });
    latestOf.set(doc, made);
    entry = made;
  }
  if (!entry.fresh) {
    let latest: number | undefined;
    doc.getArray('events').forEach((e) => {
      const at = (e as { at?: unknown } | null)?.at;
      if (typeof at === 'number' && (latest === undefined || at > latest)) latest = at;
    });
    entry.latest = latest;
    entry.fresh = true;
  }
  return entry.latest;
}
