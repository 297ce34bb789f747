import * as Y from 'yjs';
import type { Entry, SavedUnsent } from './UnsentTracker.ts';

/** One local transaction the relay does not hold yet, as the document holds it. */
export interface UnsentWrite {
  /** The events it appended to the document's log, oldest first. */
  events: readonly unknown[];
  /** It changed something besides the log: a meeting's notes text (typed, or only deleted). */
  text: boolean;
  /** When it was written, the relay's time as the phone knew it (lists stored before it was kept have none). */
  at: number | undefined;
}

/** An open document's unsent writes, and its whole log (read only to name what a write refers to). */
export interface UnsentDoc {
  name: string;
  writes: readonly UnsentWrite[];
  log: () => readonly unknown[];
}

/**
 * What each transaction the unsent count counts wrote, read from the document: the tracker's entry
 * names its client and the clocks it took ([from, clock)); the relay's clock for that client cuts
 * off what the relay already holds. One write per entry, in the entries' order, so the list shown
 * and the count always agree: there is no second list to drift.
 */
export function unsentWrites(doc: Y.Doc, state: SavedUnsent): UnsentWrite[] {
  const relay = new Map(state.confirmed);
  const log = doc.share.get('events');
  return state.entries.map((entry) => {
    const events: unknown[] = [];
    let text = entry.deleteOnly;
    // An entry stored without its first clock names the last item it wrote.
    const start = Math.max(entry.from ?? entry.clock - 1, relay.get(entry.client) ?? 0);
    for (const { struct, lo, hi } of structsIn(doc, entry, start)) {
      if (struct instanceof Y.Item && struct.parent === log && struct.content instanceof Y.ContentAny) {
        // Event logs never delete (the relay refuses it): a deleted item here was never an event.
        if (!struct.deleted) events.push(...struct.content.arr.slice(lo, hi));
      } else {
        text = true;
      }
    }
    return { events, text, at: entry.at };
  });
}

/** The structs of the entry's client between `start` and its clock, each with the part of it inside. */
function* structsIn(
  doc: Y.Doc,
  entry: Entry,
  start: number,
): Generator<{ struct: Y.Item | Y.GC; lo: number; hi: number }> {
  const structs = doc.store.clients.get(entry.client);
  const last = structs?.at(-1);
  if (!structs || !last || start >= entry.clock || start >= last.id.clock + last.length) return;
  for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
    const struct = structs[i]!;
    const first = struct.id.clock;
    if (first >= entry.clock) return;
    yield {
      struct,
      lo: Math.max(start, first) - first,
      hi: Math.min(entry.clock, first + struct.length) - first,
    };
  }
}
