import { STEP, type Steps } from '../steps.ts';
import type { Entry } from './Entry.ts';
import { byPos, createsOf, keysOf } from './Entry.ts';
import type { LogIndex } from './LogIndex.ts';

/**
 * What must be folded again when the entities in `seeds` may have changed: `seeds` closed over
 * events touching several entities and over readers of entities whose creating event may have
 * changed (`creations`, which grows), and the records stepping them, in log order. A correction's
 * key `e:<target id>` links it to its target's entities both ways. In steps of a few hundred
 * records visited.
 */
export function* replayClosure(
  index: LogIndex,
  seeds: ReadonlySet<string>,
  creations: Set<string>,
): Steps<{ keys: Set<string>; recs: Entry[] }> {
  /** Records visited so far: a step every few hundred. */
  let visited = 0;
  const closure = new Set(seeds);
  const queue = [...seeds];
  const join = (key: string) => {
    if (!closure.has(key)) {
      closure.add(key);
      queue.push(key);
    }
  };
  const visit = (rec: Entry) => {
    visited++;
    for (const k of keysOf(rec)) join(k);
    const link = rec.event && `e:${rec.event.id}`;
    if (link && index.isStepped(link)) join(link);
  };
  let stepped = 0;
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    if (visited - stepped >= STEP) {
      stepped = visited;
      yield;
    }
    for (const rec of index.stepping(key)) visit(rec);
    if (key.startsWith('e:')) for (const rec of index.withId(key.slice(2))) visit(rec);
    if (!creations.has(key)) continue;
    for (const rec of index.reading(key)) {
      const creates = createsOf(rec);
      if (creates && !creations.has(creates)) {
        creations.add(creates);
        if (closure.has(creates)) queue.push(creates);
      }
      visit(rec);
    }
  }
  const recs = new Set<Entry>();
  let collected = 0;
  for (const key of closure) {
    for (const rec of index.stepping(key)) recs.add(rec);
    if (recs.size - collected >= 4 * STEP) {
      collected = recs.size;
      yield;
    }
  }
  yield;
  return { keys: closure, recs: [...recs].sort(byPos) };
}
