import type * as Y from 'yjs';
import { finish, type Steps } from '../../shared/steps.ts';
import type { Connection } from './Connection.ts';
import type { TurnBudget } from './TurnBudget.ts';

/** Where a room is: loading its document (again, after a reload), ready for frames, or gone. */
export type RoomStatus = 'loading' | 'ready' | 'closed';

/**
 * How long one turn may spend on frames' checks, all rooms together (`TurnBudget`), before the rest
 * waits for a later turn. Other rooms' frames are handled in between: a 2 MB backlog of 24,000
 * events costs ~100-200 ms of checks, which would otherwise hold every room of the process that long.
 */
export const FRAME_SLICE_MS = 8;

/** Frames up to this size (a few hundred events) are checked whole, in the turn they arrive. */
export const WHOLE_FRAME_BYTES = 64 * 1024;

/**
 * A room's work, in the order it came, and the turns its big frames take. What arrives while the
 * document loads, or while a frame is checked across turns, waits here and runs after; a frame
 * checked in slices (`TurnBudget`) must never see another frame's changes land between its steps.
 * A reload under such a frame drops what was checked and handles the frame again, first, against
 * the new doc.
 */
export class FrameQueue {
  /** Work that arrived while the document was loading or busy with a frame, run in order after. */
  #queued: Array<() => void> = [];
  /** A frame checked across turns: the room's other work waits for it. */
  #working: { steps: Steps<void>; doc: Y.Doc; conn: Connection; again: () => void } | undefined;
  /** Waiting for the room to have no frame half-way through its checks. */
  #idleWaiters: Array<() => void> = [];

  constructor(
    private readonly status: () => RoomStatus,
    private readonly doc: () => Y.Doc,
    private readonly turn: TurnBudget,
    /** A frame checked across turns threw: its sender's alone. */
    private readonly failed: (conn: Connection, e: unknown) => void,
  ) {}

  /** A frame is half-way through its checks. */
  get busy(): boolean {
    return this.#working !== undefined;
  }

  /** Runs `run` now if the room is ready and nothing waits; later, in order, if it loads or is busy. */
  whenReady(run: () => void): void {
    const status = this.status();
    const waiting = this.#working !== undefined || this.#queued.length > 0;
    if (status === 'loading' || (status === 'ready' && waiting)) this.#queued.push(run);
    else if (status === 'ready') run();
  }

  /** Queues `run` behind what waits already, whatever the room's state. */
  push(run: () => void): void {
    this.#queued.push(run);
  }

  /** Runs what waited, in order, until the room is busy again; a long queue goes on in later turns. */
  drain = (): void => {
    while (this.status() === 'ready' && !this.#working && this.#queued.length > 0) {
      if (this.turn.left <= 0) {
        this.turn.later(this.drain);
        return;
      }
      this.#queued.shift()?.();
    }
  };

  /**
   * Runs a frame's steps in this turn for a slice of time, the rest in later turns, the room's other
   * work waiting meanwhile. `again` handles the frame anew if the doc was reloaded under it.
   */
  work(conn: Connection, steps: Steps<void>, bytes: number, again: () => void): void {
    if (bytes <= WHOLE_FRAME_BYTES) {
      // A few events: checked at once, as fast as before there were steps (a phone writing quickly
      // sends many of these; deferring them would cost the turns they wait, not the checks).
      const start = performance.now();
      try {
        finish(steps);
      } finally {
        this.turn.spend(performance.now() - start);
      }
      return;
    }
    if (this.#slice(steps)) return;
    this.#working = { steps, doc: this.doc(), conn, again };
    this.turn.later(this.#resume);
  }

  /** Takes steps while this turn has time left for frames; true once they are all taken. */
  #slice(steps: Steps<void>): boolean {
    const left = this.turn.left;
    if (left <= 0) return false;
    const start = performance.now();
    const deadline = start + left;
    try {
      for (let r = steps.next(); !r.done; r = steps.next()) if (performance.now() >= deadline) return false;
      return true;
    } finally {
      this.turn.spend(performance.now() - start);
    }
  }

  #resume = (): void => {
    const working = this.#working;
    if (!working) return;
    if (this.status() !== 'closed' && this.doc() === working.doc) {
      try {
        if (!this.#slice(working.steps)) {
          this.turn.later(this.#resume);
          return;
        }
      } catch (e) {
        this.failed(working.conn, e);
      }
    } else {
      working.steps.return();
      // Reloaded meanwhile: what was checked against the dropped doc is handled again against the new.
      if (this.status() !== 'closed') this.#queued.unshift(working.again);
    }
    this.#working = undefined;
    for (const wake of this.#idleWaiters.splice(0)) wake();
    // Handled here, a turn of its own, never from inside another frame's handling (no deep recursion).
    this.drain();
  };

  /** Settles once no frame is half-way through its checks. */
  idle = async (): Promise<void> => {
    while (this.#working) await new Promise<void>((wake) => this.#idleWaiters.push(wake));
  };
}
