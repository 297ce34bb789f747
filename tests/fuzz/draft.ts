import * as encoding from 'lib0/encoding';
import type { Prng } from '../../shared/sample/Prng.ts';
import { type ForgedDeletes, type ForgedGroup, forgeUpdate, type Ref } from '../helpers/forgeUpdate.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import type { DocView } from './DocView.ts';

/** An update before it is written: structs, deletes and the events in them, open to mutation. */
export interface Draft {
  groups: ForgedGroup[];
  deletes: ForgedDeletes[];
  /** The event objects inside the structs' content (the same objects, so mutating one mutates the update). */
  events: Record<string, unknown>[];
  /** Sync message sub-type: 0 (a SyncStep1, which an update never is), 1 (SyncStep2) or 2 (update). */
  sub: number;
  /** Nesting depth of the JSON that replaces `deepMarker` once written. */
  deep?: number;
}

/** A value written in place of a deeply nested JSON value, which the encoder's recursion could not write. */
export const deepMarker = '\u0000deep-json\u0000';

/** What a stock client sends when it pushes `events` onto the log: one struct after the last item. */
export function appendDraft(view: DocView, client: number, events: Record<string, unknown>[]): Draft {
  const origin = view.lastEventRef();
  const struct = origin ? { origin, content: { any: events } } : { parent: 'events', content: { any: events } };
  return { groups: [{ client, clock: view.known(client), structs: [struct] }], deletes: [], events, sub: 2 };
}

/** What a stock client sends when it types `text` at `index` of the minutes text. */
export function notesInsertDraft(view: DocView, client: number, index: number, text: string): Draft {
  const at = view.notesInsertAt(index);
  const struct =
    at.origin || at.rightOrigin ? { ...at, content: { string: text } } : { parent: 'notes', content: { string: text } };
  return { groups: [{ client, clock: view.known(client), structs: [struct] }], deletes: [], events: [], sub: 2 };
}

/** What a stock client sends when it deletes a run of the minutes text. */
export function notesDeleteDraft(range: [number, number, number]): Draft {
  const [client, clock, len] = range;
  return { groups: [], deletes: [{ client, ranges: [[clock, len] as Ref] }], events: [], sub: 2 };
}

/** The frame of a draft: the update (with deep JSON spliced in) wrapped as a sync message. */
export function writeDraft(d: Draft): Uint8Array {
  let update = forgeUpdate(d.groups, d.deletes);
  if (d.deep !== undefined) update = spliceDeep(update, d.deep);
  return syncFrame(d.sub, update);
}

/** Replaces the written marker string (lib0 `any` type 119) with arrays and objects nested `depth` deep. */
function spliceDeep(update: Uint8Array, depth: number): Uint8Array {
  const marker = encoding.createEncoder();
  encoding.writeAny(marker, deepMarker);
  const needle = encoding.toUint8Array(marker);
  const at = indexOf(update, needle);
  if (at < 0) return update;
  const deep = encoding.createEncoder();
  for (let i = 0; i < depth; i++) {
    if (i % 2 === 0) {
      encoding.writeUint8(deep, 117);
      encoding.writeVarUint(deep, 1);
    } else {
      encoding.writeUint8(deep, 118);
      encoding.writeVarUint(deep, 1);
      encoding.writeVarString(deep, 'a');
    }
  }
  encoding.writeAny(deep, 'x');
  const inner = encoding.toUint8Array(deep);
  const out = new Uint8Array(update.length - needle.length + inner.length);
  out.set(update.subarray(0, at));
  out.set(inner, at);
  out.set(update.subarray(at + needle.length), at + inner.length);
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Random bytes, `n` of them. */
export function randomBytes(rng: Prng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255);
  return out;
}
