import { RowMerger } from './RowMerger.ts';

/** The longest the queue rests between two jobs, however long the last one took. */
const MAX_REST_MS = 100;

/**
 * Runs the compactions of every room of the relay one at a time, resting between two for as long
 * as the last one took: rooms that reach their threshold together (a hundred rooms of one busy
 * evening) take at most about half of the event loop, and the updates that arrive meanwhile wait
 * for one room's merge, never for a run of them (the fan-out's third repeat, where every room
 * compacts within a second: p99 215 ms back to back).
 */
export class CompactionQueue {
  /** `merger`: merges stored rows off the event loop, for every room's compactions. */
  constructor(readonly merger: RowMerger = new RowMerger()) {}

  #tail: Promise<void> = Promise.resolve();
  /** How long the last job took, and when it ended. */
  #last = { ms: 0, endedAt: 0 };

  /** Runs `job` once every job queued before it has settled; settles when `job` has. */
  run(job: () => Promise<void>): Promise<void> {
    const turn = this.#tail
      .then(() => this.#rest())
      .then(async () => {
        const started = performance.now();
        try {
          await job();
        } finally {
          const endedAt = performance.now();
          this.#last = { ms: Math.min(MAX_REST_MS, endedAt - started), endedAt };
        }
      });
    this.#tail = turn.catch(() => undefined);
    return turn;
  }

  /** At least a turn of the event loop; as long as the last job took, less the time since it ended. */
  #rest(): Promise<void> {
    const ms = this.#last.ms - (performance.now() - this.#last.endedAt);
    return new Promise((resolve) => (ms >= 1 ? setTimeout(resolve, ms) : setImmediate(resolve)));
  }
}
