/**
 * Runs the compactions of every room of the relay one at a time, yielding to the event loop
 * between two: rooms that reach their threshold together never stall the sockets for longer than
 * one room's merge.
 */
export class CompactionQueue {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `job` once every job queued before it has settled; settles when `job` has. */
  run(job: () => Promise<void>): Promise<void> {
    const turn = this.#tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(job);
    this.#tail = turn.catch(() => undefined);
    return turn;
  }
}
