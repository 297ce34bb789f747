/**
 * The time every room of the relay together may spend on frames' checks in one turn of the event
 * loop, and the rooms whose work waits for a later turn, served in the order they began to wait.
 * Frames read in one batch of socket reads share what is left of the turn; once it is spent, a
 * room's work waits its turn behind the rooms already waiting, and a room that used a slice and
 * has more to do waits behind those. Without it, six 2 MB frames read in one batch would each take
 * a slice, one after another, and a room with a long backlog could keep its slices ahead of others.
 */
export class TurnBudget {
  #used = 0;
  #waiting: Array<() => void> = [];
  #scheduled = false;

  constructor(readonly ms: number) {}

  /** Milliseconds left in this turn; zero or less: wait for a later one. */
  get left(): number {
    return this.ms - this.#used;
  }

  /** Counts time spent; the budget is whole again at the next turn. */
  spend(ms: number): void {
    this.#used += ms;
    this.#schedule();
  }

  /** Runs `work` in a later turn, after the work that waits already. */
  later(work: () => void): void {
    this.#waiting.push(work);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#turn);
  }

  /** A new turn: the whole budget, spent on what waits, first come first served. */
  #turn = (): void => {
    this.#scheduled = false;
    this.#used = 0;
    const waiting = this.#waiting;
    this.#waiting = [];
    let i = 0;
    while (i < waiting.length && this.left > 0) (waiting[i++] as () => void)();
    // What did not get a slice goes first next time, before what was queued meanwhile.
    if (i < waiting.length) this.#waiting = [...waiting.slice(i), ...this.#waiting];
    if (this.#waiting.length > 0) this.#schedule();
  };
}
