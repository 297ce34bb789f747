/**
 * Work done in steps: each `yield` marks a point where the caller may stop and let other work run
 * before going on (the relay checks a large update across several turns of its event loop, so one
 * member's 2 MB backlog does not hold every other room). Run to the end, it is the same work at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** True for steps, false for a value given at once (plain data, never a generator). */
export function isSteps<T>(x: T | Steps<T>): x is Steps<T> {
  return typeof x === 'object' && x !== null && typeof (x as Partial<Steps<T>>).next === 'function';
}

/** Runs steps to their end here and now. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How much work one step holds: a yield after this many values, events or structs. */
export const STEP = 256;
