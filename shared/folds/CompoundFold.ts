import { finish, STEP, type Steps } from '../steps.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import { sameReason } from './AnomalyReason.ts';
import type { ArrayDelta } from './ArrayDelta.ts';
import { isAppend } from './ArrayDelta.ts';
import type { CompoundState } from './CompoundState.ts';
import { emptyCompoundState } from './CompoundState.ts';
import { EntityTable } from './EntityTable.ts';
import type { Entry } from './Entry.ts';
import { anomalyOf, byPos, createsOf, keysOf, record } from './Entry.ts';
import type { FoldContext } from './FoldContext.ts';
import { LogIndex } from './LogIndex.ts';
import { replayClosure } from './replayClosure.ts';

/** Shared by every duplicate: reasons are plain values nobody changes. */
const duplicateId: AnomalyReason = Object.freeze({ code: 'duplicate_id' });

/**
 * The compound fold, kept up to date from Y.Array deltas. State is per entity (a request, a duty,
 * a member's points...); each event lists the entity keys it steps. An append steps its entities,
 * O(k). An insert before the end (an offline phone syncing late) re-folds only the entities the
 * new events touch, closed over events that touch several, from their events in array order; so
 * the state always equals `foldEvents` of the whole array.
 *
 * An id held by more than one element counts for none of them (`duplicate_id`): whichever came
 * first in the array is a position an author can choose, so no copy may win by it. The relay
 * refuses a second event with an id it holds; only a log written around it has any.
 *
 * Changed entities are published as fresh objects after each batch; the records holding them are
 * updated in place and `version` counts batches, so a UI can reconcile by identity (see EntityTable).
 */
export class CompoundFold {
  #log: Entry[] = [];
  readonly #index = new LogIndex();
  readonly #entities: EntityTable;
  readonly #anomalous = new Set<Entry>();
  #anomaliesChanged = false;
  readonly #state = emptyCompoundState();
  #version = 0;
  readonly #lazy: boolean;
  /** Changes not published yet (only when publishing on read). */
  #unpublished = false;
  #rec: Entry | undefined;
  readonly #ctx: FoldContext;

  /**
   * `snapshots: false` lets later steps change published objects in place: only for a one-shot fold
   * nobody steps again. `publish: 'on-read'` publishes only when `state` is read, not after each
   * batch: for a reader that asks for the state rarely and never keeps it (the relay's guard reads it
   * only for a redemption), it saves publishing what nobody reads.
   */
  constructor(options: { snapshots?: boolean; publish?: 'each-batch' | 'on-read' } = {}) {
    this.#lazy = options.publish === 'on-read';
    const entities = new EntityTable(options.snapshots ?? true);
    this.#entities = entities;
    const current = () => this.#rec as Entry;
    this.#ctx = {
      get rec() {
        return current();
      },
      get: (key) => entities.change(key),
      peek: (key) => entities.peek(key),
      put: (key, draft) => entities.put(key, draft, current()),
      existed: (key) => {
        const creator = entities.creator(key);
        return creator !== undefined && creator.pos < current().pos;
      },
      target: (eventId) => {
        const rec = this.#index.first(eventId);
        return rec && rec.pos < current().pos && rec.anomaly === undefined ? rec : undefined;
      },
      ignored: (eventId) => {
        const rec = this.#index.first(eventId);
        return rec && rec.pos < current().pos && rec.anomaly !== undefined ? rec : undefined;
      },
    };
  }

  get state(): CompoundState {
    if (this.#unpublished) {
      this.#unpublished = false;
      this.#publish();
    }
    return this.#state;
  }

  /** Counts the batches applied; changes whenever the state may have. */
  get version(): number {
    return this.#version;
  }

  /** True if the log holds an event with this id. */
  holds(eventId: string): boolean {
    return this.#index.first(eventId) !== undefined;
  }

  /** Why the fold ignores the event with this id (undefined if it took effect or is not in the log). */
  reasonFor(eventId: string): AnomalyReason | undefined {
    return this.#index.first(eventId)?.anomaly;
  }

  /**
   * What the event with this id did, as its module kept it for a later correction or reversal (an
   * award's or redemption's member and points): one lookup. Undefined if the fold ignores it or the
   * log does not hold it.
   */
  outcomeOf(eventId: string): unknown {
    const rec = this.#index.first(eventId);
    return rec?.anomaly === undefined ? rec?.outcome : undefined;
  }

  /** Elements of the log folded so far. */
  get length(): number {
    return this.#log.length;
  }

  applyDelta(delta: ArrayDelta): void {
    finish(this.applyDeltaSteps(delta));
  }

  /**
   * applyDelta in steps: a change before the end re-folds what it can change a few hundred records
   * a step (the relay checks a returning phone's backlog over several turns). The fold is not to be
   * read until the last step.
   */
  *applyDeltaSteps(delta: ArrayDelta): Steps<void> {
    const changed = isAppend(delta, this.#log.length) ? this.#append(delta) : yield* this.#splice(delta);
    if (!changed) return;
    if (this.#lazy) this.#unpublished = true;
    else this.#publish();
    this.#version += 1;
  }

  /** Appends records and steps them. Returns false if nothing was added. */
  #append(delta: ArrayDelta): boolean {
    let log = this.#log;
    const before = log.length;
    const index = this.#index;
    // Ids a new record shares with another: every record of such an id is refolded as a duplicate.
    const shared: string[] = [];
    for (const op of delta) {
      const insert = op.insert;
      if (typeof insert !== 'object') continue;
      const start = log.length;
      if (index.built) {
        for (let i = 0; i < insert.length; i++) {
          const rec = record(insert[i], start + i);
          log.push(rec);
          this.#add(rec, true);
          if (!rec.event) continue;
          if (index.withId(rec.event.id).length > 1) shared.push(rec.event.id);
          else this.#step(rec, true);
        }
        continue;
      }
      // Records and ids first, then steps: a tight loop lets the id table's cache misses overlap.
      index.reserve(insert.length);
      const first = new Uint8Array(insert.length);
      if (start === 0) log = this.#log = insert.map((raw, i) => record(raw, i));
      else for (let i = 0; i < insert.length; i++) log.push(record(insert[i], start + i));
      const batchShared = new Set<string>();
      for (let i = 0; i < insert.length; i++) {
        const rec = log[start + i] as Entry;
        if (!rec.event) continue;
        if (index.addLoaded(rec)) first[i] = 1;
        else batchShared.add(rec.event.id);
      }
      for (let i = 0; i < insert.length; i++) {
        const rec = log[start + i] as Entry;
        if (!rec.event) this.#flag(rec);
        else if (batchShared.has(rec.event.id)) this.#step(rec, false);
        else if (first[i] === 1) this.#step(rec, true);
      }
      shared.push(...batchShared);
    }
    if (shared.length > 0) {
      if (!index.built) index.build(log);
      finish(this.#refold([], [], shared));
    }
    return log.length > before;
  }

  /** Applies a delta that inserts before the end or deletes, then re-folds what it can change. */
  *#splice(delta: ArrayDelta): Steps<boolean> {
    if (!this.#index.built) yield* this.#index.buildSteps(this.#log);
    const old = this.#log;
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
    this.#log = next;
    if (added.length === 0 && removed.length === 0) return false;
    for (let n = firstChange; n < next.length; n++) (next[n] as Entry).pos = n;
    yield* this.#refold(added, removed);
    return true;
  }

  /** Once the index is built: indexes a record, or lists it as an anomaly if it is no event. */
  #add(rec: Entry, append: boolean): void {
    if (rec.event) this.#index.add(rec, append);
    else this.#flag(rec);
  }

  #remove(rec: Entry): void {
    if (this.#anomalous.delete(rec)) this.#anomaliesChanged = true;
    if (rec.event) this.#index.remove(rec);
  }

  /** Lists a record as an anomaly. */
  #flag(rec: Entry): void {
    this.#anomalous.add(rec);
    this.#anomaliesChanged = true;
  }

  /** Re-folds what events inserted before the end (or removed), or ids now shared, can change. */
  *#refold(added: Entry[], removed: Entry[], sharedIds: readonly string[] = []): Steps<void> {
    const seeds = new Set<string>();
    const creations = new Set<string>();
    const ids = new Set<string>(sharedIds);
    const seed = (rec: Entry) => {
      for (const key of keysOf(rec)) seeds.add(key);
      const creates = createsOf(rec);
      if (creates) creations.add(creates);
      if (!rec.event) return;
      ids.add(rec.event.id);
      // Corrections of this event (a removed one is no longer indexed, so the closure cannot find them).
      const link = `e:${rec.event.id}`;
      if (this.#index.isStepped(link)) seeds.add(link);
    };
    for (const rec of removed) {
      this.#remove(rec);
      seed(rec);
    }
    for (let i = 0; i < added.length; i++) {
      if (i % STEP === STEP - 1) yield;
      const rec = added[i] as Entry;
      this.#add(rec, false);
      seed(rec);
    }
    // Another event with the same id may have become, or stopped being, a duplicate.
    let n = 0;
    for (const id of ids) {
      if (++n % STEP === 0) yield;
      for (const rec of this.#index.withId(id)) seed(rec);
    }
    yield;
    const { keys, recs } = yield* replayClosure(this.#index, seeds, creations);
    for (const key of keys) this.#entities.reset(key);
    for (let i = 0; i < recs.length; i++) {
      if (i % STEP === STEP - 1) yield;
      this.#step(recs[i] as Entry);
    }
  }

  /** Applies a record; `only` says whether no other record has its id (looked up if not given). */
  #step(rec: Entry, only?: boolean): void {
    const event = rec.event;
    const module = rec.module;
    if (!event || !module) return;
    this.#rec = rec;
    rec.outcome = undefined;
    const why = (only ?? this.#index.withId(event.id).length === 1) ? module.apply(this.#ctx, event) : duplicateId;
    if (sameReason(why, rec.anomaly)) return;
    rec.anomaly = why;
    if (why === undefined) this.#anomalous.delete(rec);
    else this.#anomalous.add(rec);
    this.#anomaliesChanged = true;
  }

  #publish(): void {
    this.#entities.publish(this.#state);
    if (this.#anomaliesChanged) {
      this.#state.anomalies = [...this.#anomalous].sort(byPos).map(anomalyOf);
      this.#anomaliesChanged = false;
    }
  }
}
