import type { AppEvent } from '../events/index.ts';
import { fastEvent, parseEvent } from '../events/index.ts';
import { Aggregates } from './Aggregates.ts';
import type { Anomaly, CompoundState } from './CompoundState.ts';
import { emptyCompoundState } from './CompoundState.ts';
import type { EntityKind } from './entityKinds.ts';
import { entityKinds, moduleOf, publishTotals } from './entityKinds.ts';
import type { Contribution, FoldContext, FoldModule, Rec } from './FoldContext.ts';
import { IdTable } from './IdTable.ts';
import { snapshot } from './snapshot.ts';

/** A Y.Array change as `YArrayEvent.changes.delta` gives it. */
export type ArrayDelta = readonly { insert?: readonly unknown[] | string; retain?: number; delete?: number }[];

/**
 * The compound fold, kept up to date from Y.Array deltas. State is per entity (a request, a duty,
 * a member's points...); each event lists the entity keys it steps. An append steps its entities,
 * O(k). An insert before the end (an offline phone syncing late) re-folds only the entities the
 * new events touch, closed over events that touch several, from their events in array order; so
 * the state always equals `foldEvents` of the whole array.
 *
 * Changed entities are published as fresh objects; the records holding them are updated in place
 * and `version` counts batches, so a UI can reconcile by identity. A draft is published as is and
 * copied before its next change (copy on write), so loading a whole log copies nothing.
 *
 * The per-entity indexes only serve inserts before the end and deletions, so they are built on the
 * first such delta, in one pass over the log; until then (a whole log loaded at once, then appends)
 * the fold only keeps the first record of each event id.
 */
export class CompoundFold {
  readonly #copy: boolean;
  #mirror: Entry[] = [];
  /** True once the indexes below are built; from then on every change keeps them up to date. */
  #indexed = false;
  readonly #byKey = new Map<string, Entry[]>();
  readonly #readers = new Map<string, Entry[]>();
  /** Every event of ids that occur more than once, in log order (rare). */
  readonly #sameId = new Map<string, Entry[]>();
  /** Until the indexes are built: the records whose id an earlier record has, in log order. */
  #duplicates: Entry[] = [];
  /** The first event with each id, in log order; later ones are duplicates. */
  readonly #byId = new IdTable<Entry>((rec) => (rec.event as AppEvent).id);
  /** Entities by key: their drafts, creators and contributions, in one map so a step looks up once. */
  readonly #entities = new Map<string, Entity>();
  readonly #aggs = new Aggregates();
  /** Entities to publish, each once, in the order they changed. */
  readonly #dirty: Entity[] = [];
  readonly #anomalous = new Set<Entry>();
  #anomaliesChanged = false;
  readonly #state = emptyCompoundState();
  #version = 0;
  #rec: Entry | undefined;
  readonly #ctx: FoldContext;

  /**
   * `snapshots: false` lets later steps change published objects in place: only for a one-shot fold
   * nobody steps again.
   */
  constructor(options: { snapshots?: boolean } = {}) {
    this.#copy = options.snapshots ?? true;
    const current = () => this.#rec as Entry;
    this.#ctx = {
      get rec() {
        return current();
      },
      get: <T extends object>(key: string) => {
        const entity = this.#entities.get(key);
        if (!entity?.draft) return undefined;
        if (entity.published) {
          entity.draft = snapshot(entity.draft);
          entity.published = false;
        }
        this.#touch(entity);
        return entity.draft as T;
      },
      peek: <T extends object>(key: string) => this.#entities.get(key)?.draft as T | undefined,
      put: (key, draft) => {
        const entity = this.#entity(key);
        entity.draft = draft;
        entity.published = false;
        this.#touch(entity);
        if (!entity.creator && key === createsOf(current())) entity.creator = current();
      },
      existed: (key) => {
        const creator = this.#entities.get(key)?.creator;
        return creator !== undefined && creator.pos < current().pos;
      },
      target: (eventId) => {
        const rec = this.#byId.get(eventId);
        return rec && rec.pos < current().pos && rec.anomaly === undefined ? rec : undefined;
      },
    };
  }

  get state(): CompoundState {
    return this.#state;
  }

  /** Counts the batches applied; changes whenever the state may have. */
  get version(): number {
    return this.#version;
  }

  applyDelta(delta: ArrayDelta): void {
    const changed = isAppend(delta, this.#mirror.length) ? this.#append(delta) : this.#splice(delta);
    if (!changed) return;
    this.#publish();
    this.#version += 1;
  }

  /** Appends records and steps them. Returns false if nothing was added. */
  #append(delta: ArrayDelta): boolean {
    let mirror = this.#mirror;
    const before = mirror.length;
    for (const op of delta) {
      const insert = op.insert;
      if (typeof insert !== 'object') continue;
      const start = mirror.length;
      if (this.#indexed) {
        for (let i = 0; i < insert.length; i++) {
          const rec = record(insert[i], start + i);
          mirror.push(rec);
          this.#index(rec, true);
          if (rec.event) this.#step(rec);
        }
        continue;
      }
      // Records and ids first, then steps: a tight loop lets the id table's cache misses overlap.
      this.#byId.reserve(insert.length);
      const first = new Uint8Array(insert.length);
      if (start === 0) mirror = this.#mirror = insert.map((raw, i) => record(raw, i));
      else for (let i = 0; i < insert.length; i++) mirror.push(record(insert[i], start + i));
      for (let i = 0; i < insert.length; i++) {
        const rec = mirror[start + i] as Entry;
        if (!rec.event) continue;
        if (this.#byId.add(rec)) first[i] = 1;
        else this.#duplicates.push(rec);
      }
      for (let i = 0; i < insert.length; i++) {
        const rec = mirror[start + i] as Entry;
        if (rec.event) this.#step(rec, first[i] === 1);
        else {
          this.#anomalous.add(rec);
          this.#anomaliesChanged = true;
        }
      }
    }
    return mirror.length > before;
  }

  /** Applies a delta that inserts before the end or deletes, then re-folds what it can change. */
  #splice(delta: ArrayDelta): boolean {
    if (!this.#indexed) this.#buildIndexes();
    const old = this.#mirror;
    const added: Entry[] = [];
    const removed: Entry[] = [];
    let firstChange = old.length;
    // One pass builds the new array, however many places the delta touches.
    const next: Entry[] = [];
    let i = 0;
    for (const op of delta) {
      if (op.retain !== undefined) for (let n = 0; n < op.retain && i < old.length; n++) next.push(old[i++] as Entry);
      else if (op.delete !== undefined) {
        firstChange = Math.min(firstChange, next.length);
        for (let n = 0; n < op.delete && i < old.length; n++) removed.push(old[i++] as Entry);
      } else if (op.insert !== undefined) {
        if (typeof op.insert === 'string') throw new TypeError('an event log holds JSON events, not text');
        firstChange = Math.min(firstChange, next.length);
        for (const raw of op.insert) {
          const rec = record(raw, -1);
          next.push(rec);
          added.push(rec);
        }
      }
    }
    while (i < old.length) next.push(old[i++] as Entry);
    this.#mirror = next;
    if (added.length === 0 && removed.length === 0) return false;
    for (let n = firstChange; n < next.length; n++) (next[n] as Entry).pos = n;
    this.#refold(added, removed);
    return true;
  }

  /** Builds the indexes of the whole log in one pass (records are in log order). */
  #buildIndexes(): void {
    for (const rec of this.#mirror) {
      const { event, module } = rec;
      if (!event || !module) continue;
      for (const key of module.keys(event)) listAdd(this.#byKey, key, rec, true);
      if (module.refs) for (const key of module.refs(event)) listAdd(this.#readers, key, rec, true);
    }
    for (const rec of this.#duplicates) {
      const id = (rec.event as AppEvent).id;
      const same = this.#sameId.get(id);
      if (same) same.push(rec);
      else this.#sameId.set(id, [this.#byId.get(id) as Entry, rec]);
    }
    this.#duplicates = [];
    this.#indexed = true;
  }

  #index(rec: Entry, append: boolean): void {
    if (!rec.event) {
      this.#anomalous.add(rec);
      this.#anomaliesChanged = true;
      return;
    }
    for (const key of keysOf(rec)) listAdd(this.#byKey, key, rec, append);
    for (const key of refsOf(rec)) listAdd(this.#readers, key, rec, true);
    const id = rec.event.id;
    const first = this.#byId.get(id);
    if (!first) return void this.#byId.set(rec);
    const same = this.#sameId.get(id) ?? [first];
    this.#sameId.set(id, same);
    listInsert(same, rec, append);
    this.#byId.set(same[0] as Entry);
  }

  /** Every event with this id, in log order. */
  #withId(id: string): readonly Entry[] {
    const first = this.#byId.get(id);
    return this.#sameId.get(id) ?? (first ? [first] : []);
  }

  #unindex(rec: Entry): void {
    if (this.#anomalous.delete(rec)) this.#anomaliesChanged = true;
    if (!rec.event) return;
    for (const key of keysOf(rec)) listRemove(this.#byKey, key, rec);
    for (const key of refsOf(rec)) listRemove(this.#readers, key, rec);
    const id = rec.event.id;
    const same = this.#sameId.get(id);
    if (!same) return void this.#byId.delete(id);
    same.splice(same.indexOf(rec), 1);
    this.#byId.set(same[0] as Entry);
    if (same.length === 1) this.#sameId.delete(id);
  }

  /** Re-folds what events inserted before the end (or removed) can change. */
  #refold(added: Entry[], removed: Entry[]): void {
    const seeds = new Set<string>();
    const creations = new Set<string>();
    const ids = new Set<string>();
    const seed = (rec: Entry) => {
      for (const key of keysOf(rec)) seeds.add(key);
      const creates = createsOf(rec);
      if (creates) creations.add(creates);
      if (!rec.event) return;
      ids.add(rec.event.id);
      // Corrections of this event (a removed one is no longer indexed, so the closure cannot find them).
      const link = `e:${rec.event.id}`;
      if (this.#byKey.has(link)) seeds.add(link);
    };
    for (const rec of removed) {
      this.#unindex(rec);
      seed(rec);
    }
    for (const rec of added) {
      this.#index(rec, false);
      seed(rec);
    }
    // Another event with the same id may have become, or stopped being, a duplicate.
    for (const id of ids) for (const rec of this.#withId(id)) seed(rec);
    this.#replay(seeds, creations);
  }

  /**
   * Re-folds the entities in `seeds`, closed over events touching several entities and over
   * readers of entities whose creating event may have changed, from their events in log order.
   * A correction's key `e:<target id>` links it to its target's entities both ways.
   */
  #replay(seeds: Set<string>, creations: Set<string>): void {
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
      if (link && this.#byKey.has(link)) join(link);
    };
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const rec of this.#byKey.get(key) ?? []) visit(rec);
      if (key.startsWith('e:')) for (const rec of this.#withId(key.slice(2))) visit(rec);
      if (!creations.has(key)) continue;
      for (const rec of this.#readers.get(key) ?? []) {
        const creates = createsOf(rec);
        if (creates && !creations.has(creates)) {
          creations.add(creates);
          if (closure.has(creates)) queue.push(creates);
        }
        visit(rec);
      }
    }
    const recs = new Set<Entry>();
    for (const key of closure) for (const rec of this.#byKey.get(key) ?? []) recs.add(rec);
    for (const key of closure) {
      const entity = this.#entity(key);
      entity.draft = undefined;
      entity.published = false;
      entity.creator = undefined;
      this.#touch(entity);
    }
    for (const rec of [...recs].sort((a, b) => a.pos - b.pos)) this.#step(rec);
  }

  /** Applies a record; `first` says whether it is the first with its id (looked up if not given). */
  #step(rec: Entry, first?: boolean): void {
    const event = rec.event;
    const module = rec.module;
    if (!event || !module) return;
    this.#rec = rec;
    rec.outcome = undefined;
    const why = (first ?? this.#byId.get(event.id) === rec) ? module.apply(this.#ctx, event) : 'duplicate event id';
    if (why === rec.anomaly) return;
    rec.anomaly = why;
    if (why === undefined) this.#anomalous.delete(rec);
    else this.#anomalous.add(rec);
    this.#anomaliesChanged = true;
  }

  /** The entity with this key, made (empty) if new. */
  #entity(key: string): Entity {
    let entity = this.#entities.get(key);
    if (!entity) {
      entity = makeEntity(key);
      this.#entities.set(key, entity);
    }
    return entity;
  }

  /** Marks an entity to publish after the batch. */
  #touch(entity: Entity): void {
    if (entity.dirty) return;
    entity.dirty = true;
    this.#dirty.push(entity);
  }

  #publish(): void {
    const dirty = this.#dirty;
    for (const entity of dirty) {
      const contribute = entity.kind?.contribute;
      if (!contribute) continue;
      const before = entity.contributions;
      const after = entity.draft ? contribute(entity.draft) : none;
      if (sameContributions(before, after)) continue;
      this.#aggs.add(before, -1);
      this.#aggs.add(after, 1);
      entity.contributions = after.length ? after : none;
    }
    for (const key of publishTotals(this.#state, this.#aggs)) this.#touch(this.#entity(key));
    for (const entity of dirty) {
      const kind = entity.kind;
      if (!kind) throw new Error(`no entity kind for ${entity.key}`);
      const draft = entity.draft;
      kind.publish(this.#state, entity.id, draft, this.#aggs);
      entity.published = this.#copy && draft !== undefined;
      entity.dirty = false;
    }
    dirty.length = 0;
    if (this.#anomaliesChanged) {
      this.#state.anomalies = [...this.#anomalous].sort((a, b) => a.pos - b.pos).map(anomalyOf);
      this.#anomaliesChanged = false;
    }
  }
}

/** True if the delta only inserts at the end of an array of `length` elements. */
function isAppend(delta: ArrayDelta, length: number): boolean {
  let at = 0;
  for (const op of delta) {
    if (op.retain !== undefined) at += op.retain;
    else if (op.delete !== undefined) return false;
    else if (op.insert !== undefined && (at !== length || typeof op.insert === 'string')) return false;
  }
  return true;
}

const none: readonly never[] = [];

/** A log element as the fold keeps it, with the module folding it (undefined for an anomaly). */
interface Entry extends Rec {
  readonly module: FoldModule<AppEvent> | undefined;
}

/**
 * A record as an object literal, not a class instance: V8 allocates literals from a site whose
 * objects all survive straight into old space, so loading a whole log copies no records in
 * young-generation collections.
 */
function makeEntry(
  raw: unknown,
  pos: number,
  event: AppEvent | undefined,
  module: FoldModule<AppEvent> | undefined,
  anomaly?: string,
) {
  const rec: Entry = {
    raw,
    pos,
    event,
    module,
    anomaly,
    outcome: undefined,
  };
  return rec;
}

/** An entity's draft (undefined if it does not exist), the record creating it and what it adds to totals. */
interface Entity {
  readonly key: string;
  /** The key without its prefix: the entity's id in the state. */
  readonly id: string;
  readonly kind: EntityKind | undefined;
  draft: object | undefined;
  creator: Entry | undefined;
  contributions: readonly Contribution[];
  dirty: boolean;
  /** The draft is in the state: copy it before changing it. */
  published: boolean;
}

function makeEntity(key: string): Entity {
  const prefix = key.slice(0, key.indexOf(':'));
  const made: Entity = {
    key,
    id: key.slice(prefix.length + 1),
    kind: entityKinds[prefix],
    draft: undefined,
    creator: undefined,
    contributions: none,
    dirty: false,
    published: false,
  };
  return made;
}

/** A log element as a record: parsed, with the module folding it. */
function record(raw: unknown, pos: number): Entry {
  const fast = fastEvent(raw);
  const module = fast && moduleOf.get(fast.type);
  if (module) return makeEntry(raw, pos, fast, module);
  const parsed = fast ? { ok: true as const, event: fast } : parseEvent(raw);
  const slow = parsed.ok ? moduleOf.get(parsed.event.type) : undefined;
  if (parsed.ok && slow) return makeEntry(raw, pos, parsed.event, slow);
  return makeEntry(
    raw,
    pos,
    undefined,
    undefined,
    parsed.ok ? 'belongs in a minutes document' : `schema: ${parsed.why}`,
  );
}

/** Entity keys whose state a record steps (worked out again when needed, never kept). */
function keysOf(rec: Entry): readonly string[] {
  return rec.event && rec.module ? rec.module.keys(rec.event) : none;
}

/** Entity keys whose existence (creation, never later state) a record reads. */
function refsOf(rec: Entry): readonly string[] {
  return (rec.event && rec.module?.refs?.(rec.event)) ?? none;
}

/** The entity key a record creates, if it is a creating event. */
function createsOf(rec: Entry): string | undefined {
  return rec.event && rec.module?.creates?.(rec.event);
}

function anomalyOf(rec: Entry): Anomaly {
  const raw = (typeof rec.raw === 'object' && rec.raw !== null ? rec.raw : {}) as { id?: unknown; type?: unknown };
  return {
    eventId: typeof raw.id === 'string' ? raw.id : '',
    type: typeof raw.type === 'string' ? raw.type : '',
    reason: rec.anomaly ?? '',
  };
}

/** Adds a record to a list kept in log order, in a map of lists. */
function listAdd(map: Map<string, Entry[]>, key: string, rec: Entry, append: boolean): void {
  const list = map.get(key);
  if (!list) map.set(key, [rec]);
  else listInsert(list, rec, append);
}

/** Inserts a record in a list kept in log order (appends go last; others by binary search). */
function listInsert(list: Entry[], rec: Entry, append: boolean): void {
  if (append || (list[list.length - 1] as Entry).pos < rec.pos) list.push(rec);
  else {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Entry).pos < rec.pos) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, rec);
  }
}

function listRemove(map: Map<string, Entry[]>, key: string, rec: Entry): void {
  const list = map.get(key);
  const i = list ? list.indexOf(rec) : -1;
  if (!list || i < 0) return;
  list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

function sameContributions(a: readonly Contribution[], b: readonly Contribution[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Contribution;
    const y = b[i] as Contribution;
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2]) return false;
  }
  return true;
}
