import type { ArrayDelta as YArrayDelta } from '../../shared/folds/ArrayDelta.ts';

export type { YArrayDelta };

/**
 * A fold fed by array deltas: the bridge's only view of domain logic. shared/folds' CompoundFold
 * has this shape, so a projection swaps folds by changing one factory.
 */
export interface Fold<S> {
  applyDelta(delta: YArrayDelta): void;
  readonly state: S;
  readonly version: number;
}

/** Plain events in log order, rebuilt per delta (new array each time, never mutated in place). */
export class EventLogFold<E = unknown> implements Fold<{ events: readonly E[] }> {
  version = 0;
  state: { events: readonly E[] } = { events: [] };

  applyDelta(delta: YArrayDelta): void {
    const next = this.state.events.slice();
    let i = 0;
    for (const op of delta) {
      if (op.retain !== undefined) i += op.retain;
      else if (op.delete !== undefined) next.splice(i, op.delete);
      else if (Array.isArray(op.insert)) {
        next.splice(i, 0, ...(op.insert as E[]));
        i += op.insert.length;
      }
    }
    this.state = { events: next };
    this.version++;
  }
}
