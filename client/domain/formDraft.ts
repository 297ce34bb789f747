import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal } from 'solid-js';
import * as v from 'valibot';
import { compoundKey } from '../sync/localKeys.ts';

export { changedFields, changedFrom, withDraft } from './draftFields.ts';

const VisitId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{8,32}$/));

/** Visits of this page load whose form found a draft to fill itself from. */
const [foundDrafts, setFoundDrafts] = createSignal<ReadonlySet<string>>(new Set());

/**
 * Whether a form of `visit` was filled from a draft: a sheet brought back from the URL then asks
 * before it closes; one that came back empty (nothing was typed, or a link copied with its
 * `?sheet=&d=` and opened on another phone) closes as any sheet does.
 */
export function draftFound(visit: string): boolean {
  return foundDrafts().has(visit);
}

/**
 * What a page form holds while it is being filled, kept in the tab's sessionStorage so that a
 * reload does not lose it: Android may kill a backgrounded tab while the camera is open, the app
 * reloads for an update. A draft belongs to one visit of the form: the visit's id goes in the URL
 * (`?d=`), which a reload keeps and a fresh tap on the form's button does not, so a form opened anew
 * starts empty (a new snap never picks up an abandoned one's photos). One draft per kind and
 * compound is kept: a new visit's form, empty as it opens, clears the last one. Read once when the
 * form opens, through the schema (anything else is dropped); cleared once the form is sent.
 * `visit`: the visit's id where the page keeps it in the URL itself (a sheet the page reopens
 * after a reload, with its own query), instead of this reading and writing `?d=`.
 */
export function useFormDraft<S extends v.GenericSchema>(
  kind: string,
  compoundId: string,
  schema: S,
  visit: string = visitInUrl(),
): FormDraft<v.InferOutput<S>> {
  const Stored = v.object({ visit: VisitId, value: schema });
  const key = compoundKey(kind, compoundId);
  let initial: v.InferOutput<S> | undefined;
  try {
    const raw = sessionStorage.getItem(key);
    const parsed = raw === null ? undefined : v.safeParse(Stored, JSON.parse(raw));
    if (parsed?.success && parsed.output.visit === visit) {
      initial = parsed.output.value;
      setFoundDrafts((found) => new Set(found).add(visit));
    }
  } catch {
    // Not JSON, or no sessionStorage (some private modes): the form starts empty.
  }
  const save = (value: v.InferOutput<S>) => {
    try {
      sessionStorage.setItem(key, JSON.stringify({ visit, value }));
    } catch {
      // Full or missing: the form still works, only a reload would lose it.
    }
  };
  const clear = () => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing kept.
    }
  };
  return {
    initial,
    save,
    clear,
    keep(read) {
      createEffect(() => {
        const value = read();
        if (value === undefined) clear();
        else save(value);
      });
    },
  };
}

export interface FormDraft<T> {
  /** What the visit's form held when the page was last left, if anything. */
  initial: T | undefined;
  save(value: T): void;
  clear(): void;
  /** Saves what `read` gives whenever it changes; undefined (nothing filled in) clears the draft. */
  keep(read: () => T | undefined): void;
}

/** Typed words in a draft's schema, no longer than the field takes. */
export function draftText(max: number) {
  return v.pipe(v.string(), v.maxLength(max));
}

/** The visit named by the page's `?d=`, or a new one put there. */
function visitInUrl(): string {
  const [search, setSearch] = useSearchParams<{ d?: string }>();
  const given = v.safeParse(VisitId, search.d);
  if (given.success) return given.output;
  const visit = newVisitId();
  setSearch({ d: visit }, { replace: true });
  return visit;
}

/** Whether text names a visit (a form's draft): what `?d=` may hold. */
export function isVisitId(text: unknown): text is string {
  return v.is(VisitId, text);
}

export function newVisitId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}
