import { Aggregates } from './Aggregates.ts';
import type { CompoundState } from './CompoundState.ts';
import type { Entry } from './Entry.ts';
import { createsOf, none } from './Entry.ts';
import type { EntityKind } from './entityKinds.ts';
import { entityKinds, publishTotals } from './entityKinds.ts';
import type { Contribution } from './FoldContext.ts';
import { snapshot } from './snapshot.ts';

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

/**
 * Entities by key (`req:<id>`, `duty:<id>`...): their drafts, creators and contributions, in one
 * map so a step looks up once. Changed entities are published as fresh objects after each batch;
 * a published draft is copied before its next change (copy on write), so loading a whole log
 * copies nothing.
 */
export class EntityTable {
  readonly #copy: boolean;
  readonly #entities = new Map<string, Entity>();
  readonly #aggs = new Aggregates();
  /** Entities to publish, each once, in the order they changed. */
  readonly #dirty: Entity[] = [];

  /** `copy: false` lets later steps change published objects in place (a one-shot fold). */
  constructor(copy: boolean) {
    this.#copy = copy;
  }

  /** An entity's draft to change (copied first if it is published), or undefined if none. */
  change<T extends object>(key: string): T | undefined {
    const entity = this.#entities.get(key);
    if (!entity?.draft) return undefined;
    if (entity.published) {
      entity.draft = snapshot(entity.draft);
      entity.published = false;
    }
    this.#touch(entity);
    return entity.draft as T;
  }

  /** An entity's draft, to read only. */
  peek<T extends object>(key: string): T | undefined {
    return this.#entities.get(key)?.draft as T | undefined;
  }

  /** Creates or replaces an entity's draft; `rec` becomes its creator if it is the creating event. */
  put(key: string, draft: object, rec: Entry): void {
    const entity = this.#entity(key);
    entity.draft = draft;
    entity.published = false;
    this.#touch(entity);
    if (!entity.creator && key === createsOf(rec)) entity.creator = rec;
  }

  /** The record that created the entity, if any. */
  creator(key: string): Entry | undefined {
    return this.#entities.get(key)?.creator;
  }

  /** Forgets an entity's draft and creator, to fold it again from its events. */
  reset(key: string): void {
    const entity = this.#entity(key);
    entity.draft = undefined;
    entity.published = false;
    entity.creator = undefined;
    this.#touch(entity);
  }

  /** Publishes the entities changed since the last call, and the running totals they feed. */
  publish(state: CompoundState): void {
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
    for (const key of publishTotals(state, this.#aggs)) this.#touch(this.#entity(key));
    for (const entity of dirty) {
      const kind = entity.kind;
      if (!kind) throw new Error(`no entity kind for ${entity.key}`);
      const draft = entity.draft;
      kind.publish(state, entity.id, draft, this.#aggs);
      entity.published = this.#copy && draft !== undefined;
      entity.dirty = false;
    }
    dirty.length = 0;
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

function sameContributions(a: readonly Contribution[], b: readonly Contribution[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Contribution;
    const y = b[i] as Contribution;
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2]) return false;
  }
  return true;
}
