import { expect } from 'vitest';
import type { AppEvent } from '../../../shared/events/index.ts';
import { moduleOf } from '../../../shared/folds/entityKinds.ts';
import type { Prng } from '../../../shared/sample/Prng.ts';

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
export function linearExtension(events: readonly AppEvent[], rng: Prng): AppEvent[] {
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
