import { useLocation, useNavigate, useSearchParams } from '@solidjs/router';
import { type Accessor, createEffect, createSignal } from 'solid-js';
import { draftFound, isVisitId, newVisitId } from './formDraft.ts';

/** How a page names its sheets in the URL, and finds them again. */
export interface UrlSheets<S> {
  /** `?sheet=&of=` for a sheet whose form may keep a draft (one a member types in); undefined: not named. */
  toUrl(sheet: S): { sheet: string; of?: string } | undefined;
  /**
   * The sheet the URL names, once `ready`, if this member may still take it there (what the page's
   * button asks): a sheet paid or completed meanwhile on another phone does not open again.
   */
  fromUrl(sheet: unknown, of: unknown): S | undefined;
  /** Whether what `fromUrl` looks at is read (the compound's log). */
  ready: Accessor<boolean>;
}

/** A page's open sheet as `createUrlSheet` keeps it; a part of the page that opens sheets is given it. */
export interface UrlSheet<S> {
  sheet: Accessor<S | undefined>;
  /** The open sheet's visit: its form's draft is kept under it (domain/formDraft.ts). */
  visit: Accessor<string>;
  /** The open sheet came back from the URL after a reload, with its draft. */
  restored: Accessor<boolean>;
  open(next: S | undefined): void;
}

/** What a dialog a page names in its URL is given: whether it is open, its visit, whether it came back. */
export interface UrlDialogProps {
  open: boolean;
  visit: string;
  restored: boolean;
  onOpenChange: (open: boolean) => void;
}

const NAMES = ['sheet', 'of', 'd'] as const;

/**
 * A page's one open sheet, named in the URL with its visit (`?sheet=&of=&d=`) when its form may keep
 * a draft: a reload (Android may kill the tab while the camera is open, or while the member answers
 * WeChat on a phone short of memory) opens it again and its form finds its draft under `visit()`
 * (domain/formDraft.ts). The URL is replaced, not pushed: the back
 * gesture closes the sheet (ui/Modal.tsx) rather than stepping through the history. `restored()`:
 * the open sheet came back from the URL and its form found its draft there (its modal asks before
 * closing); one that came back empty closes as any sheet does.
 */
export function createUrlSheet<S>(sheets: UrlSheets<S>): UrlSheet<S> {
  const [search] = useSearchParams<{ sheet?: string; of?: string; d?: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const [sheet, setSheet] = createSignal<S>();
  const [visit, setVisit] = createSignal(newVisitId());
  const [restored, setRestored] = createSignal(false);
  /** The page's own query with the sheet's names set (or taken out); without the hash, which the
   * router would scroll back to at every replace. */
  const name = (named: { sheet: string; of?: string; d: string } | undefined) => {
    const params = new URLSearchParams(location.search);
    for (const key of NAMES) params.delete(key);
    if (named) for (const key of NAMES) if (named[key]) params.set(key, named[key]);
    const query = params.toString();
    navigate(`${location.pathname}${query ? `?${query}` : ''}`, { replace: true, scroll: false });
  };
  const open = (next: S | undefined) => {
    const id = newVisitId();
    const named = next === undefined ? undefined : sheets.toUrl(next);
    if (named || search.sheet || search.d) name(named && { ...named, d: id });
    setVisit(id);
    setRestored(false);
    setSheet(() => next);
  };
  let reopened = false;
  createEffect(() => {
    if (reopened || !sheets.ready()) return;
    reopened = true;
    const d = search.d;
    const again = isVisitId(d) ? sheets.fromUrl(search.sheet, search.of) : undefined;
    if (again === undefined || !isVisitId(d)) {
      if (search.sheet || d) name(undefined);
      return;
    }
    setVisit(d);
    setRestored(true);
    setSheet(() => again);
  });
  return { sheet, visit, restored: () => restored() && draftFound(visit()), open };
}
