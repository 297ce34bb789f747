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
  const { found, self } = walk(events, eventId, match);
  if (found.length === 0) return [];
  if (!self || !events.doc) return found.map(({ event }) => ({ event, held: false }));
  const past = causalPast(events.doc, self.id);
  return found.map(({ event, id }) => ({ event, held: holdsId(past, id) }));
}

/**
 * As `eventsHeldBy`, with whether each event lies before the place the event `eventId` was written
 * at: at or before its left origin, the element its author's copy held just before it (a phone
 * appends after the last one it holds). What Yjs put between that origin and the event came from
 * phones writing at the same time, which its author had not seen. Unlike the causal past, which can
 * miss what a phone held (an element placed after it whose origins do not reach it), every element
 * its author held lies before the origin, where its author appended.
 */
export function eventsPlacedBefore<T>(
  events: Y.Array<unknown>,
  eventId: string,
  match: (raw: unknown) => T | undefined,
): { event: T; held: boolean; before: boolean }[] {
  const { found, self } = walk(events, eventId, match);
  if (found.length === 0) return [];
  if (!self || !events.doc) return found.map(({ event }) => ({ event, held: false, before: false }));
  const past = causalPast(events.doc, self.id);
  const origin = self.ordinal - concurrentBefore(events.doc, self.id);
  return found.map(({ event, id, ordinal }) => ({ event, held: holdsId(past, id), before: ordinal < origin }));
}

interface Walked<T> {
  found: { event: T; id: Y.ID; ordinal: number }[];
  self: { id: Y.ID; ordinal: number } | undefined;
}

/** One walk of the log: the events `match` picks, and the event `eventId`, each with its place among the values. */
function walk<T>(events: Y.Array<unknown>, eventId: string, match: (raw: unknown) => T | undefined): Walked<T> {
  const found: Walked<T>['found'] = [];
  let self: Walked<T>['self'];
  let ordinal = 0;
  for (let item = events._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
    const arr = item.content.arr;
    for (let i = 0; i < arr.length; i++, ordinal++) {
      const raw = arr[i];
      const id = Y.createID(item.id.client, item.id.clock + i);
      if ((raw as { id?: unknown } | null)?.id === eventId) {
        self ??= { id, ordinal };
        continue;
      }
      const event = match(raw);
      if (event !== undefined) found.push({ event, id, ordinal });
    }
  }
  return { found, self };
}

/**
 * How many values lie between an element and its left origin: those Yjs placed there from phones
 * writing at the same time. Zero for an element written after the one before it in its own item.
 */
function concurrentBefore(doc: Y.Doc, id: Y.ID): number {
  const item = Y.getItem(doc.store, id) as Y.Item;
  if (id.clock > item.id.clock) return 0;
  const origin = item.origin;
  let n = 0;
  for (let left = item.left; left !== null; left = left.left) {
    const holdsOrigin =
      origin !== null &&
      left.id.client === origin.client &&
      left.id.clock <= origin.clock &&
      origin.clock < left.id.clock + left.length;
    if (holdsOrigin) {
      // The origin may sit inside an item merged since: the values after it are between too.
      if (!left.deleted && left.content instanceof Y.ContentAny) n += left.id.clock + left.length - 1 - origin.clock;
      return n;
    }
    if (!left.deleted && left.content instanceof Y.ContentAny) n += left.length;
  }
  // Written at the start, everything before it is between; an origin the walk did not meet says nothing.
  return origin === null ? n : 0;
}
