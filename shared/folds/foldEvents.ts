import { CompoundFold } from './CompoundFold.ts';
import type { CompoundState } from './CompoundState.ts';

/**
 * Folds a whole event log, in array order, into plain state. Events failing their schema, and
 * events that make no sense where they stand (a step the stage does not allow, an overdraft, a
 * duplicate id...),
 * are kept out of the state and listed in `anomalies`.
 */
export function foldEvents(events: readonly unknown[]): CompoundState {
  const fold = new CompoundFold({ snapshots: false });
  fold.applyDelta([{ insert: events }]);
  return fold.state;
}
