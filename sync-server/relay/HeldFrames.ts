import { RejectReason } from '../../shared/errors.ts';
import type { Connection } from './Connection.ts';

/**
 * Refusals another instance's updates can lift: items this one has not heard of yet, and a phone
 * that moved instances sending back others' events it got on the first one.
 */
const waitable = new Set<RejectReason>([
  RejectReason.Unresolved,
  RejectReason.ForgedAuthor,
  RejectReason.ForeignClient,
]);

/** Most frames one connection may have waiting; more and it is refused as flooding. */
export const MAX_HELD_FRAMES = 200;

interface Held {
  frames: Uint8Array[];
  deadline: number;
  timer: NodeJS.Timeout;
}

/**
 * Frames of connections whose update builds on items another instance accepted a moment ago and
 * this one has not heard of yet. A connection's frames wait in order; its deadline is kept across
 * retries, so waiting is bounded however often the room retries.
 */
export class HeldFrames {
  readonly #held = new Map<Connection, Held>();
  /** While held frames are handled again: the deadline they keep, and whether this is their last try. */
  #resuming: { deadline: number; final: boolean } | undefined;

  constructor(
    private readonly waitMs: number,
    private readonly expired: (conn: Connection) => void,
    private readonly handle: (conn: Connection, frame: Uint8Array) => void,
    /** Which refusals may wait; by default those another instance's updates can lift. */
    private readonly mayWait: (conn: Connection, reason: RejectReason) => boolean = (_conn, reason) =>
      waitable.has(reason),
  ) {}

  /**
   * A frame was refused for `reason`: true if it now waits for other instances instead. `retried`:
   * what `retrying` said when the frame's handling began (it may end turns later).
   */
  wait(conn: Connection, frame: Uint8Array, reason: RejectReason, retried = this.#resuming): boolean {
    if (!this.mayWait(conn, reason) || retried?.final) return false;
    this.hold(conn, [frame], retried?.deadline);
    return true;
  }

  /** While a held frame is handled again: the deadline it keeps, and whether this is its last try. */
  get retrying(): { deadline: number; final: boolean } | undefined {
    return this.#resuming;
  }

  /** New items arrived: every waiting connection's frames are handled again. */
  retryAll(): void {
    for (const conn of [...this.#held.keys()]) this.resume(conn, false);
  }

  /** Handles a connection's waiting frames in order; one that waits again keeps the rest behind it. */
  resume(conn: Connection, final: boolean): void {
    const taken = this.take(conn);
    if (!taken) return;
    for (const [i, frame] of taken.frames.entries()) {
      if (conn.closed) return;
      if (this.#held.has(conn)) {
        for (const rest of taken.frames.slice(i)) this.add(conn, rest);
        return;
      }
      this.#resuming = { deadline: taken.deadline, final };
      try {
        this.handle(conn, frame);
      } finally {
        this.#resuming = undefined;
      }
    }
  }

  has(conn: Connection): boolean {
    return this.#held.has(conn);
  }

  /** Starts (or, with an earlier deadline, resumes) waiting with these frames first. */
  private hold(conn: Connection, frames: Uint8Array[], deadline = Date.now() + this.waitMs): void {
    const timer = setTimeout(() => this.expired(conn), Math.max(0, deadline - Date.now()));
    timer.unref?.();
    this.#held.set(conn, { frames, deadline, timer });
  }

  /** Queues a frame behind the held ones; false when the connection has too many waiting. */
  add(conn: Connection, frame: Uint8Array): boolean {
    const held = this.#held.get(conn);
    if (!held || held.frames.length >= MAX_HELD_FRAMES) return false;
    held.frames.push(frame);
    return true;
  }

  /** Stops a connection's wait and hands back its frames and deadline. */
  take(conn: Connection): { frames: Uint8Array[]; deadline: number } | undefined {
    const held = this.#held.get(conn);
    if (!held) return undefined;
    clearTimeout(held.timer);
    this.#held.delete(conn);
    return { frames: held.frames, deadline: held.deadline };
  }

  clear(): void {
    for (const held of this.#held.values()) clearTimeout(held.timer);
    this.#held.clear();
  }
}
