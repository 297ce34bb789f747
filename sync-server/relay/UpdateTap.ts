import type * as Y from 'yjs';

/**
 * A doc's 'update' listener, attached only while some work needs it. Yjs encodes every change
 * again for as long as anyone listens, which a member's update (stored and forwarded as received)
 * must not pay; the rare writes that do need it (the server's own events, another instance's
 * updates) open the tap around themselves. Overlapping users share one listener.
 */
export class UpdateTap {
  #users = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly listener: (update: Uint8Array, origin: unknown) => void,
  ) {}

  /** Runs `work` with the listener attached. */
  run<T>(work: () => T): T {
    const close = this.open();
    try {
      return work();
    } finally {
      close();
    }
  }

  /** Attaches the listener until the returned function is called (once). */
  open(): () => void {
    if (this.#users++ === 0) this.doc.on('update', this.listener);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      if (--this.#users === 0) this.doc.off('update', this.listener);
    };
  }
}
