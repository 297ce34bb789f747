import * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import type { UpdateParts, UpdateStruct } from './readUpdate.ts';

/** Where an item lands: a root type of the document, or garbage collection (next to a GC struct). */
export type Place = 'events' | 'notes' | 'gc';

/** What the resolver needs to know of the document the update is for. */
export interface StoredView {
  readonly store: Y.Doc['store'];
  /** The clock the document holds of a client (its next expected clock). */
  known(client: number): number;
  /** The clock a client reaches once the update is applied. */
  reach(client: number): number;
  /** Where a stored struct lies. */
  placeOf(struct: Y.Item | Y.GC): Place;
  /** The place a root key names; throws if the document has no such root. */
  rootNamed(key: string): Place;
}

/** A struct an origin points at: one of the update (its index) or one the document holds. */
type Target = number | Y.Item | Y.GC;

const unresolved = (detail: string) => new RuleError(RejectReason.Unresolved, detail);

/**
 * Finds where every struct of the update lands, the way Yjs integrates it: an item goes into its
 * left neighbour's parent (else its right neighbour's, else the root it names) and becomes GC next
 * to a GC struct. Every origin must point before its item in its own client, or at what the document
 * or the update holds, with no cycle between clients (Yjs would park such structs as pending).
 * Linear: one iterative depth-first pass with a memo, never a walk per item.
 */
export function resolvePlaces(parts: UpdateParts, view: StoredView): (Place | undefined)[] {
  const { structs } = parts;
  const n = structs.length;
  const left: (Target | null)[] = new Array(n).fill(null);
  const right: (Target | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const s = structs[i]!;
    if (s.origin) left[i] = locate(parts, view, s.origin, s);
    if (s.rightOrigin) right[i] = locate(parts, view, s.rightOrigin, s);
  }

  const places: (Place | undefined)[] = new Array(n);
  const placeOfTarget = (t: Target): Place => (typeof t === 'number' ? places[t]! : view.placeOf(t));
  const settle = (i: number): Place => {
    const s = structs[i]!;
    if (s.kind !== 'item') return 'gc';
    const l = left[i] ?? null;
    const r = right[i] ?? null;
    const lp = l === null ? null : placeOfTarget(l);
    const rp = r === null ? null : placeOfTarget(r);
    if (lp === 'gc' || rp === 'gc') return 'gc';
    return lp ?? rp ?? view.rootNamed(s.parentKey!);
  };

  // 0: not seen, 1: on the path, 2: settled.
  const mark = new Uint8Array(n);
  const stack: number[] = [];
  const firstOfRun = runStarts(parts);
  for (let start = 0; start < n; start++) {
    if (mark[start] !== 0) continue;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack[stack.length - 1]!;
      if (mark[i] === 2) {
        stack.pop();
      } else if (mark[i] === 1) {
        stack.pop();
        mark[i] = 2;
        places[i] = settle(i);
      } else {
        mark[i] = 1;
        // Yjs integrates a client's structs in order, and another client's up to what an origin needs.
        if (!firstOfRun[i]) visit(i - 1);
        const l = left[i];
        const r = right[i];
        if (typeof l === 'number' && structs[l]!.client !== structs[i]!.client) visit(l);
        if (typeof r === 'number' && structs[r]!.client !== structs[i]!.client) visit(r);
      }
    }
  }
  checkOriginOrder(parts, view, left, right);
  return places;

  function visit(j: number): void {
    if (mark[j] === 1) {
      const s = structs[j]!;
      throw unresolved(`origins of ${s.client}:${s.clock} go round in a circle`);
    }
    if (mark[j] === 0) stack.push(j);
  }
}

/** Most list items walked per update to check that new items' origins are in order. */
const ORDER_BUDGET = 100_000;

/**
 * A new item between two stored items must name them in list order: a right origin left of the
 * origin makes Yjs order the item by arrival, so phones and the relay's compacted copy diverge.
 * Walks from the origin to the right origin, as Yjs itself does when it integrates; bounded per update.
 */
function checkOriginOrder(
  parts: UpdateParts,
  view: StoredView,
  left: (Target | null)[],
  right: (Target | null)[],
): void {
  let budget = ORDER_BUDGET;
  for (let i = 0; i < parts.structs.length; i++) {
    const s = parts.structs[i]!;
    const l = left[i];
    const r = right[i];
    if (s.kind !== 'item' || s.clock + s.length <= view.known(s.client)) continue;
    if (!(l instanceof Y.Item) || !(r instanceof Y.Item)) continue;
    const origin = s.origin!;
    const rightOrigin = s.rightOrigin!;
    if (l === r) {
      if (rightOrigin.clock <= origin.clock)
        throw unresolved(`${s.client}:${s.clock} has its right origin before its origin`);
      continue;
    }
    let item = l.right;
    while (item !== null && item !== r) {
      if (--budget < 0) throw new RuleError(RejectReason.TooLarge, 'origins too far apart to check');
      item = item.right;
    }
    if (item === null) throw unresolved(`${s.client}:${s.clock} has its right origin before its origin`);
  }
}

/** The struct an origin of `from` points at; refuses what Yjs could not find when it integrates. */
function locate(parts: UpdateParts, view: StoredView, id: Y.ID, from: UpdateStruct): Target {
  // Yjs looks up an origin in the item's own client without checking it is there yet.
  if (id.client === from.client && id.clock >= from.clock) {
    throw unresolved(`${from.client}:${from.clock} builds on ${id.client}:${id.clock}, which comes after it`);
  }
  if (id.clock < view.known(id.client)) return Y.getItem(view.store, id) as Y.Item | Y.GC;
  const run = parts.runs.get(id.client);
  if (run && id.clock < view.reach(id.client)) {
    const i = indexAt(parts.structs, run.first, run.end, id.clock);
    if (i >= 0 && parts.structs[i]!.kind !== 'skip') return i;
  }
  throw unresolved(`unknown origin ${id.client}:${id.clock}`);
}

/** The index of the struct in `structs[first..end)` (one client, clocks ascending) covering `clock`. */
export function indexAt(structs: UpdateStruct[], first: number, end: number, clock: number): number {
  let lo = first;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.clock) hi = mid - 1;
    else if (clock >= s.clock + s.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function runStarts(parts: UpdateParts): Uint8Array {
  const first = new Uint8Array(parts.structs.length);
  for (const run of parts.runs.values()) if (run.first < run.end) first[run.first] = 1;
  return first;
}
