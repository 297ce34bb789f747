import * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import type { Member } from '../roles.ts';
import type { DocKind } from '../rooms.ts';
import { canWrite, docRoots } from '../rooms.ts';
import { checkEvent } from './permissions.ts';

type Struct = Y.Item | Y.GC | Y.Skip;
type Root = 'events' | 'notes';

export interface Validation {
  /** False when the update adds nothing the document does not already have. */
  changed: boolean;
  /** Events the update appends, already checked. */
  events: unknown[];
}

/**
 * Decides whether `member` may apply `update` to `doc` (a document of `kind`) without applying it.
 * Event logs may only grow: every inserted event must pass its schema and the permission table,
 * nothing in an event log may be deleted, and no other top-level type may be touched. Minutes text
 * (`Y.Text('notes')`) may be edited freely by those who may write minutes.
 * Throws a RuleError saying why not.
 */
export function validateUpdate(doc: Y.Doc, update: Uint8Array, member: Member, kind: DocKind): Validation {
  let decoded: { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded;
  } catch (e) {
    throw new RuleError(RejectReason.Malformed, `undecodable update: ${(e as Error).message}`);
  }
  const store = doc.store;
  const writable = canWrite(kind, member);
  const roots = docRoots[kind];
  const local = new LocalStructs(decoded.structs);
  const rootKeyOf = rootKeys(doc);
  const events: unknown[] = [];
  let changed = false;

  /** The root an update item belongs to, following origins into the update or the document. */
  const rootOfUpdateItem = (item: Y.Item, depth = 0): Root | 'gc' => {
    if (typeof item.parent === 'string') return asRoot(item.parent, roots);
    if (item.parent !== null) throw new RuleError(RejectReason.NestedType, 'nested types are not allowed');
    const ref = item.origin ?? item.rightOrigin;
    if (ref === null || depth > 10_000) throw new RuleError(RejectReason.Unresolved, 'item without parent');
    if (ref.clock < Y.getState(store, ref.client)) return rootOfStored(ref);
    const neighbour = local.find(ref);
    if (neighbour instanceof Y.Item) return rootOfUpdateItem(neighbour, depth + 1);
    if (neighbour instanceof Y.GC) return 'gc';
    throw new RuleError(RejectReason.Unresolved, `unknown origin ${ref.client}:${ref.clock}`);
  };

  const rootOfStored = (id: Y.ID): Root | 'gc' => {
    const struct = Y.getItem(store, id) as Y.Item | Y.GC;
    if (struct instanceof Y.GC) return 'gc';
    return rootOfType(struct.parent as Y.AbstractType<unknown>, struct.parentSub);
  };

  const rootOfType = (type: Y.AbstractType<unknown>, parentSub: string | null): Root => {
    if (type._item !== null) throw new RuleError(RejectReason.NestedType, 'nested types are not allowed');
    if (parentSub !== null) throw new RuleError(RejectReason.MapWrite, 'map entries are not allowed');
    const key = rootKeyOf.get(type);
    if (key === undefined) throw new RuleError(RejectReason.UnknownRoot, 'unknown root type');
    return asRoot(key, roots);
  };

  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const known = Y.getState(store, struct.id.client);
    if (struct.id.clock + struct.length <= known) continue;
    if (!writable) throw new RuleError(RejectReason.ReadOnly, `${kind} is read-only for this member`);
    changed = true;
    if (struct instanceof Y.GC) {
      // Garbage-collected content can only come from deleted text.
      if (!roots.notes) throw new RuleError(RejectReason.DeleteForbidden, 'deleted content in an event log');
      continue;
    }
    if (struct.parentSub !== null) throw new RuleError(RejectReason.MapWrite, 'map entries are not allowed');
    const root = rootOfUpdateItem(struct);
    const content = struct.content;
    if (root === 'gc') {
      if (!roots.notes) throw new RuleError(RejectReason.Unresolved, 'insert next to deleted content');
      continue;
    }
    if (root === 'events') {
      if (!(content instanceof Y.ContentAny)) {
        const reason = content instanceof Y.ContentDeleted ? RejectReason.DeleteForbidden : RejectReason.BadContent;
        throw new RuleError(reason, `${content.constructor.name} in an event log`);
      }
      const values = content.getContent().slice(Math.max(0, known - struct.id.clock));
      for (const value of values) events.push(checkEvent(value, member, kind));
    } else if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)) {
      throw new RuleError(RejectReason.BadContent, `${content.constructor.name} in minutes text`);
    }
  }

  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) {
      if (deletesSomethingNew(client, clock, len)) {
        if (!writable) throw new RuleError(RejectReason.ReadOnly, `${kind} is read-only for this member`);
        changed = true;
      }
    }
  }
  return { changed, events };

  /** Checks the items a delete range covers; true if it deletes anything not yet deleted. */
  function deletesSomethingNew(client: number, clock: number, len: number): boolean {
    const end = clock + len;
    const known = Y.getState(store, client);
    let fresh = false;
    const structs = store.clients.get(client);
    if (structs && clock < known) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i] as Y.Item | Y.GC;
        if (s.id.clock >= end) break;
        if (s instanceof Y.GC || s.deleted) continue;
        if (rootOfType(s.parent as Y.AbstractType<unknown>, s.parentSub) === 'events') {
          throw new RuleError(RejectReason.DeleteForbidden, 'events cannot be deleted');
        }
        fresh = true;
      }
    }
    if (end > known) {
      for (const s of local.range(client, Math.max(clock, known), end)) {
        if (!(s instanceof Y.Item)) continue;
        if (rootOfUpdateItem(s) === 'events')
          throw new RuleError(RejectReason.DeleteForbidden, 'events cannot be deleted');
        fresh = true;
      }
      if (local.covered(client, Math.max(clock, known), end) === false) {
        throw new RuleError(RejectReason.Unresolved, `delete of unknown items ${client}:${clock}`);
      }
    }
    return fresh;
  }
}

function asRoot(key: string, roots: { events: true; notes?: true }): Root {
  if (key === 'events') return 'events';
  if (key === 'notes' && roots.notes) return 'notes';
  throw new RuleError(RejectReason.UnknownRoot, `top-level type "${key}" is not allowed here`);
}

function rootKeys(doc: Y.Doc): Map<unknown, string> {
  const m = new Map<unknown, string>();
  for (const [key, type] of doc.share) m.set(type, key);
  return m;
}

/** The structs of one update, indexed by client for origin look-ups. */
class LocalStructs {
  private byClient = new Map<number, Struct[]>();
  constructor(structs: Struct[]) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
  }
  find(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? undefined : s;
    }
    return undefined;
  }
  range(client: number, from: number, to: number): Struct[] {
    return (this.byClient.get(client) ?? []).filter((s) => s.id.clock < to && s.id.clock + s.length > from);
  }
  covered(client: number, from: number, to: number): boolean {
    let at = from;
    for (const s of this.range(client, from, to)) {
      if (s instanceof Y.Skip || s.id.clock > at) return false;
      at = s.id.clock + s.length;
    }
    return at >= to;
  }
}
