import { parseEvent } from '../events/index.ts';
import { Aggregates } from './Aggregates.ts';
import type { Anomaly, CompoundState } from './CompoundState.ts';
import { emptyCompoundState } from './CompoundState.ts';
import { entityKinds, moduleOf, publishTotals } from './entityKinds.ts';
import type { Contribution, FoldContext, Rec } from './FoldContext.ts';
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
 * and `version` counts batches, so a UI can reconcile by identity.
 */
export class CompoundFold {
  readonly #copy: boolean;
  #mirror: Rec[] = [];
  readonly #byKey = new Map<string, Rec[]>();
  readonly #readers = new Map<string, Rec[]>();
  /** The first event with each id, in log order; later ones are duplicates. */
  readonly #byId = new Map<string, Rec>();
  /** Every event of ids that occur more than once, in log order (rare). */
  readonly #sameId = new Map<string, Rec[]>();
  readonly #drafts = new Map<string, object>();
  readonly #created = new Map<string, Rec>();
  readonly #contributions = new Map<string, readonly Contribution[]>();
  readonly #aggs = new Aggregates();
  readonly #dirty = new Set<string>();
  readonly #anomalous = new Set<Rec>();
  #anomaliesChanged = false;
  readonly #state = emptyCompoundState();
  #version = 0;
  #rec: Rec | undefined;
  readonly #ctx: FoldContext;

  /** `snapshots: false` publishes drafts themselves: only for a one-shot fold nobody steps again. */
  constructor(options: { snapshots?: boolean } = {}) {
    this.#copy = options.snapshots ?? true;
    const current = () => this.#rec as Rec;
    this.#ctx = {
      get rec() {
        return current();
      },
      get: <T extends object>(key: string) => {
        const draft = this.#drafts.get(key);
        if (draft) this.#dirty.add(key);
        return draft as T | undefined;
      },
      peek: <T extends object>(key: string) => this.#drafts.get(key) as T | undefined,
      put: (key, draft) => {
        this.#drafts.set(key, draft);
        this.#dirty.add(key);
        if (key === current().creates && !this.#created.has(key)) this.#created.set(key, current());
      },
      existed: (key) => {
        const creator = this.#created.get(key);
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
    const old = this.#mirror;
    const added: Rec[] = [];
    const removed: Rec[] = [];
    let firstChange = old.length;
    const append = isAppend(delta, old.length);
    if (append) {
      for (const op of delta) if (typeof op.insert === 'object') for (const raw of op.insert) added.push(record(raw));
      for (const rec of added) old.push(rec);
    } else {
      // One pass builds the new array, however many places the delta touches.
      const next: Rec[] = [];
      let i = 0;
      for (const op of delta) {
        if (op.retain !== undefined) for (let n = 0; n < op.retain && i < old.length; n++) next.push(old[i++] as Rec);
        else if (op.delete !== undefined) {
          firstChange = Math.min(firstChange, next.length);
          for (let n = 0; n < op.delete && i < old.length; n++) removed.push(old[i++] as Rec);
        } else if (op.insert !== undefined) {
          if (typeof op.insert === 'string') throw new TypeError('an event log holds JSON events, not text');
          firstChange = Math.min(firstChange, next.length);
          for (const raw of op.insert) {
            const rec = record(raw);
            next.push(rec);
            added.push(rec);
          }
        }
      }
      while (i < old.length) next.push(old[i++] as Rec);
      this.#mirror = next;
    }
    if (added.length === 0 && removed.length === 0) return;
    for (let i = firstChange; i < this.#mirror.length; i++) (this.#mirror[i] as Rec).pos = i;
    if (append) {
      for (const rec of added) {
        this.#index(rec, true);
        if (rec.event) this.#step(rec);
      }
    } else this.#refold(added, removed);
    this.#publish();
    this.#version += 1;
  }

  #index(rec: Rec, append: boolean): void {
    if (!rec.event) {
      this.#anomalous.add(rec);
      this.#anomaliesChanged = true;
      return;
    }
    for (const key of rec.keys) listAdd(this.#byKey, key, rec, append);
    for (const key of rec.refs) listAdd(this.#readers, key, rec, true);
    const id = rec.event.id;
    const first = this.#byId.get(id);
    if (!first) return void this.#byId.set(id, rec);
    const same = this.#sameId.get(id) ?? [first];
    this.#sameId.set(id, same);
    listInsert(same, rec, append);
    this.#byId.set(id, same[0] as Rec);
  }

  /** Every event with this id, in log order. */
  #withId(id: string): readonly Rec[] {
    const first = this.#byId.get(id);
    return this.#sameId.get(id) ?? (first ? [first] : []);
  }

  #unindex(rec: Rec): void {
    if (this.#anomalous.delete(rec)) this.#anomaliesChanged = true;
    if (!rec.event) return;
    for (const key of rec.keys) listRemove(this.#byKey, key, rec);
    for (const key of rec.refs) listRemove(this.#readers, key, rec);
    const id = rec.event.id;
    const same = this.#sameId.get(id);
    if (!same) return void this.#byId.delete(id);
    same.splice(same.indexOf(rec), 1);
    this.#byId.set(id, same[0] as Rec);
    if (same.length === 1) this.#sameId.delete(id);
  }

  /** Re-folds what events inserted before the end (or removed) can change. */
  #refold(added: Rec[], removed: Rec[]): void {
    const seeds = new Set<string>();
    const creations = new Set<string>();
    const ids = new Set<string>();
    const seed = (rec: Rec) => {
      for (const key of rec.keys) seeds.add(key);
      if (rec.creates) creations.add(rec.creates);
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
    const visit = (rec: Rec) => {
      for (const k of rec.keys) join(k);
      const link = rec.event && `e:${rec.event.id}`;
      if (link && this.#byKey.has(link)) join(link);
    };
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const rec of this.#byKey.get(key) ?? []) visit(rec);
      if (key.startsWith('e:')) for (const rec of this.#withId(key.slice(2))) visit(rec);
      if (!creations.has(key)) continue;
      for (const rec of this.#readers.get(key) ?? []) {
        if (rec.creates && !creations.has(rec.creates)) {
          creations.add(rec.creates);
          if (closure.has(rec.creates)) queue.push(rec.creates);
        }
        visit(rec);
      }
    }
    const recs = new Set<Rec>();
    for (const key of closure) for (const rec of this.#byKey.get(key) ?? []) recs.add(rec);
    for (const key of closure) {
      this.#drafts.delete(key);
      this.#created.delete(key);
      this.#dirty.add(key);
    }
    for (const rec of [...recs].sort((a, b) => a.pos - b.pos)) this.#step(rec);
  }

  #step(rec: Rec): void {
    const event = rec.event;
    const module = event && moduleOf.get(event.type);
    if (!event || !module) return;
    this.#rec = rec;
    rec.outcome = undefined;
    const why = this.#byId.get(event.id) === rec ? module.apply(this.#ctx, event) : 'duplicate event id';
    if (why === rec.anomaly) return;
    rec.anomaly = why;
    if (why === undefined) this.#anomalous.delete(rec);
    else this.#anomalous.add(rec);
    this.#anomaliesChanged = true;
  }

  #publish(): void {
    for (const key of this.#dirty) {
      const kind = entityKinds[prefixOf(key)];
      if (!kind?.contribute) continue;
      const draft = this.#drafts.get(key);
      const before = this.#contributions.get(key) ?? [];
      const after = draft ? kind.contribute(draft) : [];
      if (sameContributions(before, after)) continue;
      this.#aggs.add(before, -1);
      this.#aggs.add(after, 1);
      if (after.length) this.#contributions.set(key, after);
      else this.#contributions.delete(key);
    }
    for (const key of publishTotals(this.#state, this.#aggs)) this.#dirty.add(key);
    for (const key of this.#dirty) {
      const prefix = prefixOf(key);
      const kind = entityKinds[prefix];
      if (!kind) throw new Error(`no entity kind for ${key}`);
      const draft = this.#drafts.get(key);
      kind.publish(
        this.#state,
        key.slice(prefix.length + 1),
        draft && (this.#copy ? snapshot(draft) : draft),
        this.#aggs,
      );
    }
    this.#dirty.clear();
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

/** A log element as a record: parsed, with the entity keys it touches. */
function record(raw: unknown): Rec {
  const parsed = parseEvent(raw);
  const module = parsed.ok ? moduleOf.get(parsed.event.type) : undefined;
  if (!parsed.ok || !module) {
    const anomaly = parsed.ok ? 'belongs in a minutes document' : `schema: ${parsed.why}`;
    return { raw, pos: -1, event: undefined, keys: [], refs: [], creates: undefined, anomaly, outcome: undefined };
  }
  const event = parsed.event;
  return {
    raw,
    pos: -1,
    event,
    keys: module.keys(event),
    refs: module.refs?.(event) ?? [],
    creates: module.creates?.(event),
    anomaly: undefined,
    outcome: undefined,
  };
}

function anomalyOf(rec: Rec): Anomaly {
  const raw = (typeof rec.raw === 'object' && rec.raw !== null ? rec.raw : {}) as { id?: unknown; type?: unknown };
  return {
    eventId: typeof raw.id === 'string' ? raw.id : '',
    type: typeof raw.type === 'string' ? raw.type : '',
    reason: rec.anomaly ?? '',
  };
}

function prefixOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** Adds a record to a list kept in log order, in a map of lists. */
function listAdd(map: Map<string, Rec[]>, key: string, rec: Rec, append: boolean): void {
  const list = map.get(key);
  if (!list) map.set(key, [rec]);
  else listInsert(list, rec, append);
}

/** Inserts a record in a list kept in log order (appends go last; others by binary search). */
function listInsert(list: Rec[], rec: Rec, append: boolean): void {
  if (append || (list[list.length - 1] as Rec).pos < rec.pos) list.push(rec);
  else {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Rec).pos < rec.pos) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, rec);
  }
}

function listRemove(map: Map<string, Rec[]>, key: string, rec: Rec): void {
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
