import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type Gc = () => void;
/** Hands the free pages of malloc's heaps back to the system; true if it gave any. */
export type Trim = () => boolean;

/**
 * glibc's `malloc_trim(0)`, from the optional addon `npm install` builds on Linux
 * (`sync-server/native/malloc-trim`); undefined where it was not built.
 */
export function loadMallocTrim(): Trim | undefined {
  try {
    return createRequire(import.meta.url)('@little-stool/malloc-trim') as Trim;
  } catch {
    return undefined;
  }
}

/** V8's `gc()`, exposed at run time when node was not started with --expose-gc. */
export function exposedGc(): Gc {
  const exposed = (globalThis as { gc?: Gc }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as Gc;
}

/**
 * When the later collections run, in ms after the relay went idle: at 2 s, what the last sockets
 * held while they were closing (after a saturated fan-out: 84 MB of heap for 16 MB in use after the
 * first collection); at 6 s, once V8 has seen 5 s of next to no allocation, the collection that also
 * shrinks its young generation (32 MB -> 1 MB: V8 does so only when its allocation rate is low).
 */
export const LATER_MS = [2000, 6000] as const;

/**
 * How long after each collection malloc's heaps are trimmed: V8 frees the buffers a collection found
 * dead on a background thread just after it.
 */
export const TRIM_AFTER_MS = 1000;

/**
 * What to run once the relay holds no room any more: one full collection hands back to the system
 * what the rooms grew the heap to. V8 collects when it allocates, and a server with no rooms
 * allocates next to nothing, so their garbage would otherwise stay resident until the next visitor.
 * Each later collection is rescheduled when the relay goes idle again before it ran. After each
 * collection, malloc's heaps are trimmed (`trim`, where built): glibc keeps the pages the rooms'
 * buffers were freed from, and frees pages only at the top of its main heap by itself.
 */
export function releaseMemory(
  gc: Gc = exposedGc(),
  laterMs: readonly number[] = LATER_MS,
  trim: Trim | undefined = loadMallocTrim(),
  trimAfterMs = TRIM_AFTER_MS,
): () => void {
  let scheduled = false;
  let later: NodeJS.Timeout[] = [];
  const unref = (t: NodeJS.Timeout) => {
    t.unref?.();
    return t;
  };
  const collect = () => {
    gc();
    if (trim) unref(setTimeout(trim, trimAfterMs));
  };
  return () => {
    for (const t of later) clearTimeout(t);
    later = laterMs.map((ms) => unref(setTimeout(collect, ms)));
    if (scheduled) return;
    scheduled = true;
    // After the turn that dropped the last room, so nothing on the stack still holds it.
    setImmediate(() => {
      scheduled = false;
      // Plain gc(): with an options object, node 20's collects next to nothing.
      collect();
    });
  };
}
