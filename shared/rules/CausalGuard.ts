import type * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import type { AppEvent } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { ArrayDelta } from '../folds/ArrayDelta.ts';
import { CompoundFold } from '../folds/CompoundFold.ts';
import { foldMinutes, type MinutesState } from '../folds/foldMinutes.ts';
import type { DocKind } from '../rooms.ts';
import { isCausal } from './causal.ts';
import type { Validation } from './validateUpdate.ts';

/**
 * The causal rules of one loaded document, held against a fold of it kept up to date (the same fold
 * code the phones run). `before` refuses, before anything is applied, what breaks a rule wherever
 * it would land: an event id the document holds, minutes changed after their lock. `after`, once
 * Yjs has placed the update, refuses it if a new event is a causal anomaly *where it landed* (a
 * payment placed before the approvals it needs): the caller then drops the document and reloads it.
 */
export class CausalGuard {
  readonly #events: Y.Array<unknown>;
  readonly #fold: CompoundFold | undefined;
  #minutes: MinutesState | undefined;
  readonly #observer: (event: Y.YArrayEvent<unknown>) => void;

  constructor(doc: Y.Doc, kind: DocKind) {
    this.#events = doc.getArray('events');
    const fold = kind === 'minutes' ? undefined : new CompoundFold();
    this.#fold = fold;
    fold?.applyDelta([{ insert: this.#events.toArray() }]);
    this.#observer = (event) => {
      if (fold) fold.applyDelta(event.changes.delta as ArrayDelta);
      else this.#minutes = undefined;
    };
    this.#events.observe(this.#observer);
  }

  /** Refuses events whose id the document already holds or the update repeats, and changes to locked minutes. */
  before(validation: Pick<Validation, 'events' | 'notes'>): void {
    const ids = new Set<string>();
    const minutes = this.#fold ? undefined : this.#minutesState();
    const held = minutes ? new Set(this.#events.toArray().map(idOf)) : undefined;
    for (const event of validation.events) {
      const taken = held ? held.has(event.id) : this.#fold?.holds(event.id);
      if (taken || ids.has(event.id)) throw refusal(event, { code: 'duplicate_id' });
      ids.add(event.id);
      if (minutes?.locked && event.type !== 'minutes.amended') throw refusal(event, { code: 'minutes_locked' });
    }
    if (minutes?.locked && validation.notes) {
      throw new RuleError(
        { reason: RejectReason.CausalRule, anomaly: { code: 'minutes_locked' } },
        'the minutes text is locked',
      );
    }
  }

  /** After Yjs placed the update: refuses it if one of its events broke a causal rule where it landed. */
  after(events: readonly AppEvent[]): void {
    if (events.length === 0) return;
    const minutes = this.#fold ? undefined : this.#minutesState();
    const anomalies = minutes && new Map(minutes.anomalies.map((a) => [a.eventId, a.reason]));
    for (const event of events) {
      const why = anomalies ? anomalies.get(event.id) : this.#fold?.reasonFor(event.id);
      if (why && isCausal(why)) throw refusal(event, why);
    }
  }

  /** Stops following the document (it is being dropped). */
  detach(): void {
    this.#events.unobserve(this.#observer);
  }

  #minutesState(): MinutesState {
    this.#minutes ??= foldMinutes(this.#events.toArray());
    return this.#minutes;
  }
}

function idOf(raw: unknown): unknown {
  return (raw as { id?: unknown } | null)?.id;
}

function refusal(event: AppEvent, anomaly: AnomalyReason): RuleError {
  return new RuleError(
    { reason: RejectReason.CausalRule, type: event.type, anomaly },
    `${event.type} ${event.id}: ${anomaly.code}`,
  );
}
