import type { AppEvent } from '../events/index.ts';
import { finish, STEP, type Steps } from '../steps.ts';
import type { Entry } from './Entry.ts';
import { keysOf, none, refsOf } from './Entry.ts';
import { IdTable } from './IdTable.ts';

/**
 * The log's records by event id, and (once built) by the entity keys they step or read.
 *
 * The per-key indexes only serve inserts before the end and deletions, so they are built on the
 * first such change, in one pass over the log; until then (a whole log loaded at once, then appends)
 * only the first record of each event id is kept.
 */
export class LogIndex {
  /** True once the per-key indexes are built; from then on every change keeps them up to date. */
  #built = false;
  readonly #byKey = new Map<string, Entry[]>();
  readonly #readers = new Map<string, Entry[]>();
  /** Every event of ids that occur more than once, in log order (rare). */
  readonly #sameId = new Map<string, Entry[]>();
  /** Until the indexes are built: the records whose id an earlier record has, in log order. */
  #duplicates: Entry[] = [];
  /** The first event with each id, in log order; later ones are duplicates. */
  readonly #byId = new IdTable<Entry>((rec) => (rec.event as AppEvent).id);

  get built(): boolean {
    return this.#built;
  }

  /** The first record with this id in log order. */
  first(id: string): Entry | undefined {
    return this.#byId.get(id);
  }

  /** Makes room for `count` more ids. */
  reserve(count: number): void {
    this.#byId.reserve(count);
  }

  /**
   * Before the indexes are built: records an event appended at the end of the log.
   * Returns true if it is the first with its id.
   */
  addLoaded(rec: Entry): boolean {
    if (this.#byId.add(rec)) return true;
    this.#duplicates.push(rec);
    return false;
  }

  /** Builds the per-key indexes of the whole log in one pass (records are in log order). */
  build(log: readonly Entry[]): void {
    finish(this.buildSteps(log));
  }

  /** build in steps of a few thousand records; begun again from nothing if an earlier one was left. */
  *buildSteps(log: readonly Entry[]): Steps<void> {
    this.#byKey.clear();
    this.#readers.clear();
    for (let i = 0; i < log.length; i++) {
      if (i % (16 * STEP) === 16 * STEP - 1) yield;
      const rec = log[i] as Entry;
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
    this.#built = true;
  }

  /** Once built: adds an event's record (`append` if it is the last in the log). */
  add(rec: Entry, append: boolean): void {
    const event = rec.event as AppEvent;
    for (const key of keysOf(rec)) listAdd(this.#byKey, key, rec, append);
    for (const key of refsOf(rec)) listAdd(this.#readers, key, rec, true);
    const id = event.id;
    const first = this.#byId.get(id);
    if (!first) return void this.#byId.set(rec);
    const same = this.#sameId.get(id) ?? [first];
    this.#sameId.set(id, same);
    listInsert(same, rec, append);
    this.#byId.set(same[0] as Entry);
  }

  /** Once built: removes an event's record. */
  remove(rec: Entry): void {
    const event = rec.event as AppEvent;
    for (const key of keysOf(rec)) listRemove(this.#byKey, key, rec);
    for (const key of refsOf(rec)) listRemove(this.#readers, key, rec);
    const id = event.id;
    const same = this.#sameId.get(id);
    if (!same) return void this.#byId.delete(id);
    same.splice(same.indexOf(rec), 1);
    this.#byId.set(same[0] as Entry);
    if (same.length === 1) this.#sameId.delete(id);
  }

  /** Every event with this id, in log order. */
  withId(id: string): readonly Entry[] {
    const first = this.#byId.get(id);
    return this.#sameId.get(id) ?? (first ? [first] : none);
  }

  /** The records stepping an entity, in log order. */
  stepping(key: string): readonly Entry[] {
    return this.#byKey.get(key) ?? none;
  }

  /** True if some record steps the entity. */
  isStepped(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** The records reading an entity's existence, in log order. */
  reading(key: string): readonly Entry[] {
    return this.#readers.get(key) ?? none;
  }
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
