import type { AppEvent } from '../events/index.ts';
import { fastEvent, parseEvent } from '../events/index.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Anomaly } from './CompoundState.ts';
import { moduleOf } from './entityKinds.ts';
import type { FoldModule, Rec } from './FoldContext.ts';

/** A log element as the fold keeps it, with the module folding it (undefined for an anomaly). */
export interface Entry extends Rec {
  readonly module: FoldModule<AppEvent> | undefined;
}

/** One empty list for every record that has no keys, so none allocates its own. */
export const none: readonly never[] = [];

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
  anomaly?: AnomalyReason,
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

/** A log element as a record: parsed, with the module folding it. */
export function record(raw: unknown, pos: number): Entry {
  const fast = fastEvent(raw);
  const module = fast && moduleOf.get(fast.type);
  if (module) return makeEntry(raw, pos, fast, module);
  const parsed = fast ? { ok: true as const, event: fast } : parseEvent(raw);
  const slow = parsed.ok ? moduleOf.get(parsed.event.type) : undefined;
  if (parsed.ok && slow) return makeEntry(raw, pos, parsed.event, slow);
  // A valid event no module folds here belongs in a minutes document.
  const why: AnomalyReason = parsed.ok ? { code: 'wrong_document' } : { code: 'schema', issue: parsed.why };
  return makeEntry(raw, pos, undefined, undefined, why);
}

/** Entity keys whose state a record steps (worked out again when needed, never kept). */
export function keysOf(rec: Entry): readonly string[] {
  return rec.event && rec.module ? rec.module.keys(rec.event) : none;
}

/** Entity keys whose existence (creation, never later state) a record reads. */
export function refsOf(rec: Entry): readonly string[] {
  return (rec.event && rec.module?.refs?.(rec.event)) ?? none;
}

/** The entity key a record creates, if it is a creating event. */
export function createsOf(rec: Entry): string | undefined {
  return rec.event && rec.module?.creates?.(rec.event);
}

/** A record the fold ignores, as the state lists it. */
export function anomalyOf(rec: Entry): Anomaly {
  const raw = (typeof rec.raw === 'object' && rec.raw !== null ? rec.raw : {}) as { id?: unknown; type?: unknown };
  return {
    eventId: typeof raw.id === 'string' ? raw.id : '',
    type: typeof raw.type === 'string' ? raw.type : '',
    reason: rec.anomaly as AnomalyReason,
  };
}

/** Sorts records into log order, in place. */
export function byPos(a: Entry, b: Entry): number {
  return a.pos - b.pos;
}
