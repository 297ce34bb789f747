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
 * What to run once the relay holds no room any more: one full collection hands back to the system
 * what the rooms grew the heap to. V8 collects when it allocates, and a server with no rooms
 * allocates next to nothing, so their garbage would otherwise stay resident until the next visitor.
 */
export function releaseMemory(gc: Gc = exposedGc()): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    // After the turn that dropped the last room, so nothing on the stack still holds it.
    setImmediate(() => {
      scheduled = false;
      // The last-resort flavour also returns the freed pages to the system; a plain gc() keeps them.
      gc({ type: 'major', flavor: 'last-resort' });
    });
  };
}
