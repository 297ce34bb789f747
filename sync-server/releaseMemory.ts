import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Gc = () => void;

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
 * A second collection `againMs` later takes what the last sockets held while they were closing
 * (after a saturated fan-out: 84 MB of heap for 16 MB in use after the first one).
 */
export function releaseMemory(gc: Gc = exposedGc(), againMs = 2000): () => void {
  let scheduled = false;
  let again: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(again);
    again = setTimeout(gc, againMs);
    again.unref?.();
    if (scheduled) return;
    scheduled = true;
    // After the turn that dropped the last room, so nothing on the stack still holds it.
    setImmediate(() => {
      scheduled = false;
      // Plain gc(): with an options object, node 20's collects next to nothing.
      gc();
    });
  };
}
