import * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import type { AppEvent } from '../events/index.ts';
import type { Member } from '../roles.ts';
import type { DocKind } from '../rooms.ts';
import { canEditNotes, canWrite, docRoots } from '../rooms.ts';
import { finish, STEP, type Steps } from '../steps.ts';
import type { ValuesRead } from '../yjs/readAnyFast.ts';
import { checkDeletes } from './checkDeletes.ts';
import { matchesStored } from './matchesStored.ts';
import { checkEvent } from './permissions.ts';
import { readUpdateSteps, type UpdateParts } from './readUpdate.ts';
import { type Place, resolvePlaces, type StoredView } from './resolvePlaces.ts';

export interface Validation {
  /** False when the update adds nothing the document does not already have. */
  changed: boolean;
  /** Events the update appends, already checked, in the update's order. */
  events: AppEvent[];
  /** True if the update changes the minutes text (inserts or deletes in `notes`). */
  notes: boolean;
  /** Yjs client ids the update writes new structs under. */
  clients: number[];
  /**
   * True when applying the update adds every struct of it as it is and nothing else: no part the
   * document already holds, no skipped hole, no deletes, nothing turned into GC. Then its bytes
   * are exactly what Yjs would encode of the change, and may be stored and forwarded as received.
   */
  exact: boolean;
  /** The JSON values read from the update, by offset, for Yjs to take when it applies these bytes. */
  values: ValuesRead;
}

export interface ValidationLimits {
  /** Most structs and delete ranges one update may hold; more is refused as too large. */
  maxStructs: number;
  /**
   * Most new items one update may add to an event log. Yjs merges a run of them by copying the
   * merged array each time (quadratic); a phone's own events arrive merged, a few items per update.
   */
  maxEventStructs: number;
}

export const defaultValidationLimits: ValidationLimits = { maxStructs: 10_000, maxEventStructs: 1_000 };

/**
 * Decides whether `member` may apply `update` to `doc` (a document of `kind`) without applying it.
 * Event logs may only grow: every inserted event must pass its schema and the permission table,
 * nothing in an event log may be deleted, and no other top-level type may be touched. Minutes text
 * (`Y.Text('notes')`) may be edited freely by those canEditNotes allows. The update must also
 * apply cleanly: no gaps, no origins Yjs could not find, nothing left pending, and the part Yjs
 * applies is the part judged here. Linear in the update's size; throws a RuleError saying why not.
 */
export function validateUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  member: Member,
  kind: DocKind,
  limits: ValidationLimits = defaultValidationLimits,
): Validation {
  return finish(validateSteps(doc, update, member, kind, limits));
}

/**
 * validateUpdate in steps of a few hundred values or events, for the relay to spread a large update
 * over several turns. The document must not change between the first step and the last.
 */
export function* validateSteps(
  doc: Y.Doc,
  update: Uint8Array,
  member: Member,
  kind: DocKind,
  limits: ValidationLimits = defaultValidationLimits,
): Steps<Validation> {
  let parts: UpdateParts;
  try {
    parts = yield* readUpdateSteps(update, limits.maxStructs);
  } catch (e) {
    if (e instanceof RuleError) throw e;
    // lib0 throws plain errors on truncated or overlong input. Past this point the update is read,
    // and anything but a RuleError is a bug of the checks: the relay says so (4500), not the sender.
    throw new RuleError(RejectReason.Malformed, `unreadable update: ${(e as Error).message}`);
  }
  const writable = canWrite(kind, member);
  const roots = docRoots[kind];
  const view = storedView(doc, parts, roots);
  const readOnly = () => new RuleError(RejectReason.ReadOnly, `${kind} is read-only for this member`);
  // A resident appends their own sign-in to a minutes log but never touches its notes text.
  const editsNotes = canEditNotes(kind, member);
  const notesReadOnly = () => new RuleError(RejectReason.ReadOnly, `${kind} notes are read-only for this member`);
  let changed = false;
  let exact = parts.deletes.size === 0;
  const clients = new Set<number>();

  // Every client continues from what the document holds: a struct past it would wait in Yjs' pending store.
  for (const s of parts.structs) {
    if (s.kind === 'skip') {
      exact = false;
      continue;
    }
    const known = view.known(s.client);
    if (s.clock < known) exact = false;
    if (s.clock > view.reach(s.client)) {
      throw new RuleError(RejectReason.Unresolved, `gap before ${s.client}:${s.clock}, the relay has ${known}`);
    }
    if (s.clock + s.length > known) {
      if (!writable) throw readOnly();
      changed = true;
      clients.add(s.client);
    }
  }

  // Resolving is one step: a turn of its own when there is much to resolve.
  const many = parts.structs.length > STEP;
  if (many) yield;
  const places = resolvePlaces(parts, view);
  if (many) yield;
  const events: AppEvent[] = [];
  let notes = false;
  let eventStructs = 0;
  for (let i = 0; i < parts.structs.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const s = parts.structs[i]!;
    const place = places[i];
    if (s.kind === 'skip' || place === undefined) continue;
    const known = view.known(s.client);
    if (s.clock < known && !matchesStored(doc.store, s, Math.min(known, s.clock + s.length))) {
      throw new RuleError(RejectReason.Malformed, `${s.client}:${s.clock} differs from what the relay holds`);
    }
    if (s.clock + s.length <= known) continue;
    if (s.clock < known) continuesStored(view, s.client, known, place);
    if (s.kind === 'gc') {
      exact = false;
      // Garbage-collected content can only come from deleted text.
      if (!roots.notes) throw new RuleError(RejectReason.DeleteForbidden, 'deleted content in an event log');
      if (!editsNotes) throw notesReadOnly();
      notes = true;
      continue;
    }
    const content = s.content!;
    if (place === 'gc') {
      exact = false;
      if (!roots.notes) throw new RuleError(RejectReason.Unresolved, 'insert next to deleted content');
      if (!editsNotes) throw notesReadOnly();
      notes = true;
    } else if (place === 'events') {
      // Phones only push onto an event log, so a new item there names no right neighbour. One that
      // does can point at another new item of the same update, where Yjs orders by arrival: the
      // relay and an offline phone would keep different orders, and different decisions, for good.
      if (s.rightOrigin !== null) {
        throw new RuleError(
          RejectReason.BadContent,
          `${s.client}:${s.clock} is put before another item of an event log`,
        );
      }
      if (content.kind !== 'any') {
        const reason = content.kind === 'deleted' ? RejectReason.DeleteForbidden : RejectReason.BadContent;
        throw new RuleError(reason, `${content.kind} content in an event log`);
      }
      if (++eventStructs > limits.maxEventStructs) {
        throw new RuleError(RejectReason.TooLarge, `more than ${limits.maxEventStructs} new items in an event log`);
      }
      const values = content.values;
      for (let v = Math.max(0, known - s.clock); v < values.length; v++) {
        if (v % STEP === STEP - 1) yield;
        events.push(checkEvent(values[v], member, kind));
      }
    } else if (!editsNotes) {
      throw notesReadOnly();
    } else if (content.kind === 'any') {
      throw new RuleError(RejectReason.BadContent, 'JSON values in minutes text');
    } else notes = true;
  }

  // Event logs never lose an item (checkDeletes throws), so a fresh delete is in the notes text.
  if (checkDeletes(parts, view, places)) {
    if (!writable) throw readOnly();
    if (!editsNotes) throw notesReadOnly();
    changed = true;
    notes = true;
  }
  return { changed, events, notes, clients: [...clients], exact: exact && changed, values: parts.values };
}

/**
 * Yjs integrates the new part of a partly known struct to the right of the item before it in its
 * client, whatever its origin said: that item must be live content in the same place.
 */
function continuesStored(view: StoredView, client: number, known: number, place: Place): void {
  const before = Y.getItem(view.store, Y.createID(client, known - 1)) as Y.Item | Y.GC;
  if (place === 'gc') return;
  if (before instanceof Y.GC || view.placeOf(before) !== place) {
    throw new RuleError(RejectReason.Malformed, `${client}:${known} continues an item in another place`);
  }
}

/** The document as the resolver sees it, with the clocks each client reaches after the update. */
function storedView(doc: Y.Doc, parts: UpdateParts, roots: { events: true; notes?: true }): StoredView {
  const store = doc.store;
  // Almost every struct lives in the events array: other roots are looked up only when met.
  const events = doc.share.get('events');
  let keyOf: Map<unknown, string> | undefined;
  const rootKey = (type: unknown): string | undefined => {
    if (type === events) return 'events';
    if (!keyOf) {
      keyOf = new Map();
      for (const [key, root] of doc.share) keyOf.set(root, key);
    }
    return keyOf.get(type);
  };
  const rootNamed = (key: string): Place => {
    if (key === 'events') return 'events';
    if (key === 'notes' && roots.notes) return 'notes';
    throw new RuleError(RejectReason.UnknownRoot, `top-level type "${key}" is not allowed here`);
  };
  const reach = new Map<number, number>();
  for (const [client, run] of parts.runs) {
    let at = Y.getState(store, client);
    for (let i = run.first; i < run.end; i++) {
      const s = parts.structs[i]!;
      if (s.kind !== 'skip' && s.clock <= at) at = Math.max(at, s.clock + s.length);
    }
    reach.set(client, at);
  }
  return {
    store,
    known: (client) => Y.getState(store, client),
    reach: (client) => reach.get(client) ?? Y.getState(store, client),
    rootNamed,
    placeOf(struct) {
      if (struct instanceof Y.GC) return 'gc';
      const type = struct.parent as Y.AbstractType<unknown>;
      if (type._item !== null) throw new RuleError(RejectReason.NestedType, 'nested types are not allowed');
      if (struct.parentSub !== null) throw new RuleError(RejectReason.MapWrite, 'map entries are not allowed');
      const key = rootKey(type);
      if (key === undefined) throw new RuleError(RejectReason.UnknownRoot, 'unknown root type');
      return rootNamed(key);
    },
  };
}
