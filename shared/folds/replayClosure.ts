import type { Entry } from './Entry.ts';
import { byPos, createsOf, keysOf } from './Entry.ts';
import type { LogIndex } from './LogIndex.ts';

/**
 * What must be folded again when the entities in `seeds` may have changed: `seeds` closed over
 * events touching several entities and over readers of entities whose creating event may have
 * changed (`creations`, which grows), and the records stepping them, in log order. A correction's
 * key `e:<target id>` links it to its target's entities both ways.
 */
export function replayClosure(
  index: LogIndex,
  seeds: ReadonlySet<string>,
  creations: Set<string>,
): { keys: Set<string>; recs: Entry[] } {
  const closure = new Set(seeds);
  const queue = [...seeds];
  const join = (key: string) => {
    if (!closure.has(key)) {
      closure.add(key);
      queue.push(key);
    }
  };
  const visit = (rec: Entry) => {
    for (const k of keysOf(rec)) join(k);
    const link = rec.event && `e:${rec.event.id}`;
    if (link && index.isStepped(link)) join(link);
  };
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
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
  for (const key of closure) for (const rec of index.stepping(key)) recs.add(rec);
  return { keys: closure, recs: [...recs].sort(byPos) };
}
