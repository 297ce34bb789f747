import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Gc = (options?: { type: 'major'; flavor: 'last-resort' }) => void;

/** V8's `gc()`, exposed at run time when node was not started with --expose-gc. */
function exposedGc(): Gc {
  const exposed = (globalThis as { gc?: Gc }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as Gc;
}

/**
 * Once the relay holds no room any more, one full collection hands back to the system what the rooms
 * grew the heap to: V8 collects when it allocates, and a server with no rooms allocates next to
 * nothing, so their garbage would otherwise sit in memory until the next visitor.
 */
export function releaseMemoryWhenIdle(rooms: () => number, everyMs = 500, gc: Gc = exposedGc()): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (rooms() > 0) busy = true;
    else if (busy) {
      busy = false;
      // The last-resort flavour also returns the freed pages to the system; a plain gc() keeps them.
      gc({ type: 'major', flavor: 'last-resort' });
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
