import { foldMinutes, type MinutesState } from '../../shared/folds/foldMinutes.ts';
import { EventLogFold, type Fold, type YArrayDelta } from '../reactive/Fold.ts';

/** A meeting's minutes log folded whole on every change: a meeting holds tens of events, not thousands. */
export class MinutesFold implements Fold<MinutesState> {
  readonly #log = new EventLogFold();
  state: MinutesState = foldMinutes([]);
  version = 0;

  applyDelta(delta: YArrayDelta): void {
    this.#log.applyDelta(delta);
    this.state = foldMinutes(this.#log.state.events);
    this.version++;
  }
}

export const makeMinutesFold = () => new MinutesFold();
