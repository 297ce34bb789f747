/** What forms keep as their drafts (`formDraft.ts`): pure, so it is tested without a page. */

/**
 * What a one-field form keeps as its draft: its value once it differs from what the form opened
 * with, else undefined (nothing to keep, the draft is cleared).
 */
export function changedFrom<T>(opening: T, value: T): T | undefined {
  return JSON.stringify(value) === JSON.stringify(opening) ? undefined : value;
}

/**
 * What a form of several fields keeps as its draft: only the fields that differ from how it opened
 * (undefined when none do). A form filled from the record (a meeting's time, a tally, an assignment)
 * then gets back, after a reload, what the member changed laid over the record as it is now
 * (`withDraft`), not the record's old values over a change made meanwhile on another phone; a date
 * that defaults to today is kept only if the member chose it.
 */
export function changedFields<T extends Record<string, unknown>>(opening: T, value: T): Partial<T> | undefined {
  const changed: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (JSON.stringify(value[key]) === JSON.stringify(opening[key])) continue;
    changed[key] = value[key];
    any = true;
  }
  return any ? changed : undefined;
}

/** A form's opening values with its draft's changed fields (`changedFields`) laid over them. */
export function withDraft<T extends Record<string, unknown>>(opening: T, kept: Partial<T> | undefined): T {
  return kept ? { ...opening, ...kept } : opening;
}
