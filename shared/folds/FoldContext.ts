import type { AppEvent } from '../events/index.ts';
import type { AnomalyReason } from './AnomalyReason.ts';

/** One element of the event log as the fold keeps it. */
export interface Rec {
  /** The element as it sits in the Y.Array. */
  readonly raw: unknown;
  /** Its index in the array; renumbered when something lands before it. */
  pos: number;
  /** The parsed event, or undefined if it fails its schema. */
  readonly event: AppEvent | undefined;
  /** Why the fold ignores the event; undefined when it took effect. */
  anomaly: AnomalyReason | undefined;
  /** What the event did, for a later correction or reversal to undo. */
  outcome: unknown;
}

/** What a module sees while applying one event. */
export interface FoldContext {
  /** The record being applied. */
  readonly rec: Rec;
  /** An entity's draft, to read or change (it is published again after the batch). */
  get<T extends object>(key: string): T | undefined;
  /** An entity's draft, to read only (for facts fixed at creation, like a rule's points). */
  peek<T extends object>(key: string): T | undefined;
  /** Creates (or replaces) an entity's draft. */
  put(key: string, draft: object): void;
  /** True if the entity was created by an event earlier in the log than the current one. */
  existed(key: string): boolean;
  /** The applied event with this id earlier in the log (for corrections and reversals). */
  target(eventId: string): Rec | undefined;
  /**
   * The event with this id earlier in the log that the fold ignored: a correction or reversal naming
   * it is a concurrent conflict (it lost to an event its author never saw), not a target that
   * author cannot have held.
   */
  ignored(eventId: string): Rec | undefined;
}

/** How one module folds its event types. Entities are keyed `<prefix>:<id>`. */
export interface FoldModule<E extends AppEvent> {
  /** Keys of the entities the event steps; every event touching an entity lists its key. */
  keys(event: E): readonly string[];
  /** Keys of entities whose creation the event reads (a duty's team, an award's rule). */
  refs?(event: E): readonly string[];
  /** The key the event creates, if any. */
  creates?(event: E): string | undefined;
  /** Applies the event; returns why it is ignored instead. Must decide before changing anything. */
  apply(ctx: FoldContext, event: E): AnomalyReason | undefined;
}

/** An amount an entity adds to a running total: [group, field, value]. */
export type Contribution = readonly [group: string, field: string, value: number];
