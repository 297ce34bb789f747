import type { AppEvent, EventFields, EventOf, EventType } from '../events/index.ts';
import type { Prng } from './Prng.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Which log an event goes to. */
export type Target = 'public' | 'committee' | 'needs' | { minutes: string };

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

/**
 * A discrete-event simulation of a compound: tasks run in time order and emit events stamped
 * with the current time, so each log is in time order as it would be on a phone.
 */
export class Sim {
  readonly publicEvents: AppEvent[] = [];
  readonly committeeEvents: AppEvent[] = [];
  readonly needsEvents: AppEvent[] = [];
  readonly minutes: Record<string, AppEvent[]> = {};
  readonly #heap: Task[] = [];
  #now: number;
  #last = 0;
  #seq = 0;
  #ids = 0;

  constructor(
    readonly rng: Prng,
    readonly start: number,
    readonly end: number,
    readonly idPrefix: string,
  ) {
    this.#now = start;
  }

  get now(): number {
    return this.#now;
  }

  /** Runs `run` at `time` (never before now; dropped from the end on). */
  at(time: number, run: () => void): void {
    const at = Math.max(time, this.#now);
    if (at >= this.end) return;
    this.#push({ at, seq: this.#seq++, run });
  }

  /** Runs `run` after a delay from now. */
  after(delay: number, run: () => void): void {
    this.at(this.#now + delay, run);
  }

  /** A time on day `dayIndex` of the simulation at hour `hour` plus some random minutes. */
  dayTime(dayIndex: number, hour: number, spreadMinutes = 120): number {
    return this.start + dayIndex * DAY + hour * HOUR + this.rng.int(0, spreadMinutes) * MINUTE;
  }

  /** The simulation day index of a time. */
  dayIndex(time: number): number {
    return Math.floor((time - this.start) / DAY);
  }

  run(): void {
    for (let task = this.#pop(); task; task = this.#pop()) {
      this.#now = task.at;
      task.run();
    }
  }

  /** Emits an event of `type` by `by` into a log, stamped now. */
  emit<T extends EventType>(target: Target, type: T, by: string, fields: EventFields<T>): EventOf<T> {
    this.#last = Math.max(this.#now, this.#last + 1);
    const event = { id: this.newId(), type, at: this.#last, by, ...fields } as unknown as EventOf<T>;
    if (target === 'public') this.publicEvents.push(event);
    else if (target === 'committee') this.committeeEvents.push(event);
    else if (target === 'needs') this.needsEvents.push(event);
    else {
      const log = this.minutes[target.minutes] ?? [];
      this.minutes[target.minutes] = log;
      log.push(event);
    }
    return event;
  }

  newId(): string {
    this.#ids += 1;
    return `${this.idPrefix}${this.#ids.toString(36)}`;
  }

  #push(task: Task): void {
    const heap = this.#heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(task, heap[parent] as Task)) break;
      heap[i] = heap[parent] as Task;
      i = parent;
    }
    heap[i] = task;
  }

  #pop(): Task | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      let best = last;
      if (l < heap.length && before(heap[l] as Task, best)) {
        m = l;
        best = heap[l] as Task;
      }
      if (r < heap.length && before(heap[r] as Task, best)) m = r;
      if (m === i) break;
      heap[i] = heap[m] as Task;
      i = m;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
