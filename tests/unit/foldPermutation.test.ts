import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import type { CompoundState } from '../../shared/folds/index.ts';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { linearExtension } from './support/linearExtension.ts';

/**
 * Folds do not depend on array position: any order of the same events that respects causality
 * folds to the same state. Causality here is what an author must have seen: the events that
 * created what an event names (any earlier event whose id it carries), and every earlier event
 * stepping an entity it steps (a request's six steps, a fund's entries, a duty's sign-ups, taken
 * in the order their authors saw them). Everything else may interleave in any way an honest
 * offline phone (or a hostile member choosing positions) could make Yjs place it.
 */

/** The state as a value: object keys sorted, anomalies in id order (the list itself is in log order). */
function canonical(state: CompoundState | ReturnType<typeof foldMinutes>): string {
  const anomalies = [...state.anomalies].sort((a, b) =>
    a.eventId === b.eventId ? a.type.localeCompare(b.type) : a.eventId < b.eventId ? -1 : 1,
  );
  return JSON.stringify({ ...state, anomalies }, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

const sample = generateCompound({ seed: 5, scale: 'demo' });
const publicLog = sample.publicEvents as unknown as AppEvent[];

describe('folds do not depend on array position', () => {
  it('folds 1,000 causal orders of the first 300 public events to one state', () => {
    const events = publicLog.slice(0, 300);
    const expected = canonical(foldEvents(events));
    const rng = new Prng(20261201);
    let moved = 0;
    for (let run = 0; run < 1000; run++) {
      const order = linearExtension(events, rng);
      if (order.some((e, i) => e !== events[i])) moved++;
      expect(canonical(foldEvents(order))).toBe(expected);
    }
    // The property is only worth something if the orders really differ.
    expect(moved).toBeGreaterThan(950);
  }, 120_000);

  it('folds 30 causal orders of a whole demo compound (2,500 public events) to one state', () => {
    const expected = canonical(foldEvents(publicLog));
    const rng = new Prng(7);
    for (let run = 0; run < 30; run++) expect(canonical(foldEvents(linearExtension(publicLog, rng)))).toBe(expected);
  }, 120_000);

  it('folds the committee log and every meeting’s minutes the same in any causal order', () => {
    const rng = new Prng(11);
    const committee = sample.committeeEvents as unknown as AppEvent[];
    const expected = canonical(foldEvents(committee));
    for (let run = 0; run < 200; run++) expect(canonical(foldEvents(linearExtension(committee, rng)))).toBe(expected);
    for (const minutes of Object.values(sample.minutes) as unknown as AppEvent[][]) {
      const want = canonical(foldMinutes(minutes));
      for (let run = 0; run < 20; run++) expect(canonical(foldMinutes(linearExtension(minutes, rng)))).toBe(want);
    }
  }, 120_000);

  it('lets no copy of a duplicated id win, wherever a hostile member places it', () => {
    const rng = new Prng(3);
    const events = publicLog.slice(0, 300);
    for (let run = 0; run < 150; run++) {
      const victim = events[rng.int(0, events.length - 1)]!;
      const forged = { ...victim, by: 'mallory', at: victim.at + 1 } as AppEvent;
      const at = rng.int(0, events.length);
      const a = [...events.slice(0, at), forged, ...events.slice(at)];
      const b = [...events, forged];
      const c = [forged, ...events];
      const want = canonical(foldEvents(a));
      expect(canonical(foldEvents(b))).toBe(want);
      expect(canonical(foldEvents(c))).toBe(want);
      expect(
        foldEvents(a)
          .anomalies.filter((x) => x.eventId === victim.id)
          .map((x) => x.reason.code),
      ).toEqual(['duplicate_id', 'duplicate_id']);
    }
  }, 120_000);
});
