import * as v from 'valibot';
import { compoundKey } from '../sync/localKeys.ts';

/**
 * What a page form holds while it is being filled, kept in the tab's sessionStorage so that a
 * reload does not lose it: Android may kill a backgrounded tab while the camera is open, the app
 * reloads for an update, a thumb swipes back by mistake. Read once when the form opens (through the
 * schema: anything else is dropped), saved as it changes, cleared once the form is sent. Per tab and
 * per compound (`compoundKey`), gone with the tab.
 */
export function formDraft<S extends v.GenericSchema>(
  kind: string,
  compoundId: string,
  schema: S,
): { initial: v.InferOutput<S> | undefined; save(value: v.InferOutput<S>): void; clear(): void } {
  const key = compoundKey(kind, compoundId);
  let initial: v.InferOutput<S> | undefined;
  try {
    const raw = sessionStorage.getItem(key);
    const parsed = raw === null ? undefined : v.safeParse(schema, JSON.parse(raw));
    if (parsed?.success) initial = parsed.output;
    else if (raw !== null) sessionStorage.removeItem(key);
  } catch {
    // Not JSON, or no sessionStorage (some private modes): the form starts empty.
  }
  return {
    initial,
    save(value) {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Full or missing: the form still works, only a reload would lose it.
      }
    },
    clear() {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // Nothing kept.
      }
    },
  };
}
