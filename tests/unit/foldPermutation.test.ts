import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { moduleOf } from '../../shared/folds/entityKinds.ts';
import type { CompoundState } from '../../shared/folds/index.ts';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { Prng } from '../../shared/sample/Prng.ts';

/**
 * Folds do not depend on array position: any order of the same events that respects causality
 * folds to the same state. Causality here is what an author must have seen: the events that
 * created what an event names (any earlier event whose id it carries), and every earlier event
 * stepping an entity it steps (a request's six steps, a fund's entries, a duty's sign-ups, taken
 * in the order their authors saw them). Everything else may interleave in any way an honest
 * offline phone (or a hostile member choosing positions) could make Yjs place it.
 */

/** Keys of the entities an event steps or reads. */
function entityKeys(event: AppEvent): readonly string[] {
  const module = moduleOf.get(event.type);
  return module ? [...module.keys(event), ...(module.refs?.(event) ?? [])] : [];
}

/**
 * Keys an event orders itself after: the entities it steps or reads, the ids it names and the
 * entities of the events it names (a correction was written by someone who saw the account it
 * corrects). Minutes have no entities: a sign-off or an amendment is written by someone who saw
 * everything before it, the rest only follows the last of those.
 */
function dependencyKeys(event: AppEvent, byId: ReadonlyMap<string, AppEvent>): string[] {
  const keys = [...entityKeys(event)];
  for (const value of Object.values(event)) {
    const named = typeof value === 'string' && value !== event.id ? byId.get(value) : undefined;
    if (named) keys.push(`id:${named.id}`, ...entityKeys(named));
  }
  keys.push(`id:${event.id}`);
  return keys;
}

const barriers = new Set(['minutes.signed-off', 'minutes.amended']);

/** A random order of `events` that keeps every event after those it depends on (Kahn, seeded picks). */
function linearExtension(events: readonly AppEvent[], rng: Prng): AppEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const after: number[][] = events.map(() => []);
  const waiting = new Array<number>(events.length).fill(0);
  const last = new Map<string, number>();
  let barrier: number | undefined;
  let sinceBarrier: number[] = [];
  for (const [i, e] of events.entries()) {
    const deps = new Set<number>(barriers.has(e.type) ? sinceBarrier : barrier === undefined ? [] : [barrier]);
    if (barriers.has(e.type)) {
      barrier = i;
      sinceBarrier = [];
    }
    sinceBarrier.push(i);
    for (const key of dependencyKeys(e, byId)) {
      const j = last.get(key);
      if (j !== undefined && j !== i) deps.add(j);
      last.set(key, i);
    }
    for (const j of deps) after[j]!.push(i);
    waiting[i] = deps.size;
  }
  const ready = events.flatMap((_, i) => (waiting[i] === 0 ? [i] : []));
  const out: AppEvent[] = [];
  while (ready.length > 0) {
    const k = rng.int(0, ready.length - 1);
    const i = ready[k]!;
    ready[k] = ready[ready.length - 1]!;
    ready.pop();
    out.push(events[i]!);
    for (const j of after[i]!) {
      waiting[j] = (waiting[j] as number) - 1;
      if (waiting[j] === 0) ready.push(j);
    }
  }
  expect(out).toHaveLength(events.length);
  return out;
}

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
