import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import type { UpdateStruct } from './readUpdate.ts';

/** Text whose bytes a split may have replaced (Yjs turns half a surrogate pair into U+FFFD). */
const replaced = 0xfffd;

/**
 * Whether the clocks `[s.clock, upTo)` of an update struct hold what the document already holds
 * there. Yjs skips a struct's known part, so different content there can only be a forgery: an
 * event rewritten in place, or text over an event. Deleted and garbage-collected text matches any
 * text of its length (one side may have dropped what the other still has).
 */
export function matchesStored(store: Y.Doc['store'], s: UpdateStruct, upTo: number): boolean {
  const stored = store.clients.get(s.client);
  if (!stored) return false;
  for (let i = Y.findIndexSS(stored, s.clock); i < stored.length; i++) {
    const t = stored[i] as Y.Item | Y.GC;
    if (t.id.clock >= upTo) break;
    const from = Math.max(s.clock, t.id.clock);
    const to = Math.min(upTo, t.id.clock + t.length);
    if (!sameSlice(s, from - s.clock, t, from - t.id.clock, to - from)) return false;
  }
  return true;
}

function sameSlice(s: UpdateStruct, at: number, t: Y.Item | Y.GC, tAt: number, len: number): boolean {
  const stored = t instanceof Y.Item ? t.content : null;
  if (s.kind === 'gc' || s.content?.kind === 'deleted') return isText(stored);
  if (s.content?.kind === 'string') {
    if (!isText(stored)) return false;
    if (!(stored instanceof Y.ContentString)) return true;
    for (let k = 0; k < len; k++) {
      const a = s.content.text.charCodeAt(at + k);
      const b = stored.str.charCodeAt(tAt + k);
      if (a !== b && a !== replaced && b !== replaced) return false;
    }
    return true;
  }
  if (s.content?.kind === 'any') {
    if (!(stored instanceof Y.ContentAny)) return false;
    for (let k = 0; k < len; k++) if (!equalityDeep(s.content.values[at + k], stored.arr[tAt + k])) return false;
    return true;
  }
  return false;
}

/** Minutes text in any state: live, deleted, or garbage-collected (null content). */
function isText(content: Y.Item['content'] | null): boolean {
  return content === null || content instanceof Y.ContentString || content instanceof Y.ContentDeleted;
}
