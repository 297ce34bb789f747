import { useSearchParams } from '@solidjs/router';
import { type Accessor, createEffect, createSignal } from 'solid-js';
import { isVisitId, newVisitId } from './formDraft.ts';

/** How a page names its sheets in the URL, and finds them again. */
export interface UrlSheets<S> {
  /** `?sheet=&of=` for a sheet whose form keeps a draft (one that takes photos); undefined: not named. */
  toUrl(sheet: S): { sheet: string; of?: string } | undefined;
  /** The sheet the URL names, if it still makes sense once `ready`. */
  fromUrl(sheet: unknown, of: unknown): S | undefined;
  /** Whether what `fromUrl` looks at is read (the compound's log). */
  ready: Accessor<boolean>;
}

/**
 * A page's one open sheet, named in the URL with its visit (`?sheet=&of=&d=`) when its form keeps a
 * draft: a reload (Android may kill the tab while the camera is open) opens it again and its form
 * finds its draft under `visit()` (domain/formDraft.ts). The URL is replaced, not pushed: the back
 * gesture closes the sheet (ui/Modal.tsx) rather than stepping through the history.
 */
export function createUrlSheet<S>(sheets: UrlSheets<S>): {
  sheet: Accessor<S | undefined>;
  visit: Accessor<string>;
  open(next: S | undefined): void;
} {
  const [search, setSearch] = useSearchParams<{ sheet?: string; of?: string; d?: string }>();
  const [sheet, setSheet] = createSignal<S>();
  const [visit, setVisit] = createSignal(newVisitId());
  const open = (next: S | undefined) => {
    const id = newVisitId();
    const named = next === undefined ? undefined : sheets.toUrl(next);
    if (named || search.sheet || search.d)
      setSearch({ sheet: named?.sheet, of: named?.of, d: named ? id : undefined }, { replace: true });
    setVisit(id);
    setSheet(() => next);
  };
  let reopened = false;
  createEffect(() => {
    if (reopened || !sheets.ready()) return;
    reopened = true;
    const d = search.d;
    const again = isVisitId(d) ? sheets.fromUrl(search.sheet, search.of) : undefined;
    if (again === undefined || !isVisitId(d)) {
      if (search.sheet || d) setSearch({ sheet: undefined, of: undefined, d: undefined }, { replace: true });
      return;
    }
    setVisit(d);
    setSheet(() => again);
  });
  return { sheet, visit, open };
}
