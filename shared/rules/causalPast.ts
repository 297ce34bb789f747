import * as Y from 'yjs';

/**
 * What the author of an event-log element surely held when they wrote it, as a state vector (client
 * -> clocks held): the element's Yjs dependencies (its origins and its client's earlier elements)
 * and theirs, transitively. Yjs integrates nothing before its dependencies, so the author held at
 * least these; they may have held more. Every element of a client up to a clock it holds depends on
 * the one before, so the closure is a prefix per client. Linear in the structs visited.
 */
export function causalPast(doc: Y.Doc, id: Y.ID): Map<number, number> {
  const held = new Map<number, number>();
  const stack: Y.ID[] = [];
  const item = Y.getItem(doc.store, id);
  if (id.clock > item.id.clock) stack.push(Y.createID(id.client, id.clock - 1));
  else pushDeps(stack, item);
  while (stack.length > 0) {
    const next = stack.pop() as Y.ID;
    const from = held.get(next.client) ?? 0;
    if (next.clock < from) continue;
    held.set(next.client, next.clock + 1);
    const structs = doc.store.clients.get(next.client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const s = structs[i] as Y.Item | Y.GC;
      if (s.id.clock > next.clock) break;
      if (s instanceof Y.Item) pushDeps(stack, s);
    }
  }
  return held;
}

/** True if the state vector holds the element with this id. */
export function holdsId(held: Map<number, number>, id: Y.ID): boolean {
  return id.clock < (held.get(id.client) ?? 0);
}

function pushDeps(stack: Y.ID[], item: Y.Item): void {
  if (item.origin) stack.push(item.origin);
  if (item.rightOrigin) stack.push(item.rightOrigin);
  if (item.id.clock > 0) stack.push(Y.createID(item.id.client, item.id.clock - 1));
}

/**
 * Which of the events `candidates` (event ids) the causal past of the event `eventId` holds: ones
 * its author surely saw. Empty when the log does not hold `eventId`.
 */
export function heldEvents(events: Y.Array<unknown>, eventId: string, candidates: readonly string[]): Set<string> {
  const wanted = new Set(candidates);
  const out = new Set<string>();
  const found = eventsHeldBy(events, eventId, (raw) => {
    const id = (raw as { id?: unknown } | null)?.id;
    return typeof id === 'string' && wanted.has(id) ? id : undefined;
  });
  for (const { event, held } of found) if (held) out.add(event);
  return out;
}

/**
 * The log's events `match` picks, in log order, each with whether the causal past of the event
 * `eventId` holds it (one walk of the log; the event itself is left out).
 */
export function eventsHeldBy<T>(
  events: Y.Array<unknown>,
  eventId: string,
  match: (raw: unknown) => T | undefined,
): { event: T; held: boolean }[] {
  const found: { event: T; id: Y.ID }[] = [];
  let self: Y.ID | undefined;
  for (let item = events._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
    const arr = item.content.arr;
    for (let i = 0; i < arr.length; i++) {
      const raw = arr[i];
      const id = Y.createID(item.id.client, item.id.clock + i);
      if ((raw as { id?: unknown } | null)?.id === eventId) {
        self ??= id;
        continue;
      }
      const event = match(raw);
      if (event !== undefined) found.push({ event, id });
    }
  }
  if (found.length === 0) return [];
  if (!self || !events.doc) return found.map(({ event }) => ({ event, held: false }));
  const past = causalPast(events.doc, self);
  return found.map(({ event, id }) => ({ event, held: holdsId(past, id) }));
}
