/**
 * The page Android's back gesture should land on from `pathname` when the app was opened straight
 * onto it (a shared link, a notification, a reload with the tab's history lost); undefined where no
 * page belongs beneath. `home` is the page the app opens on (`homePath`): in a compound when given
 * one, undefined for a compound the phone has not joined. The parent is always a home, whose own parent is none, so putting one beneath cannot loop.
 *
 * - A compound's page: that compound's home (its agenda, a partner unit's needs board), as
 *   PageHeader's 返回 leads there from its lists; none for the home itself, nor for `/c/:id`, which
 *   only redirects to it.
 * - A printed paper's QR (`/verify/<kind>/<compound>/<id>`): that compound's home.
 * - The create page and the home-screen shortcut's 随手拍: the app's home (the welcome page when
 *   the phone has no compound).
 * - The app's home, the welcome and join pages (a fresh invitee has no compound yet) and any path
 *   the app does not know: none.
 */
export function parentPage(pathname: string, home: (compoundId?: string) => string | undefined): string | undefined {
  const parts = segments(pathname);
  const [top, ...rest] = parts;
  let parent: string | undefined;
  if (top === 'c' && rest.length >= 2) parent = home(rest[0]);
  else if (top === 'verify' && rest.length === 3 && (rest[0] === 'minutes' || rest[0] === 'ledger')) {
    parent = home(rest[1]);
  } else if (parts.join('/') === 'create' || parts.join('/') === 'agenda/snap') parent = home();
  return parent === undefined || segments(parent).join('/') === parts.join('/') ? undefined : parent;
}

function segments(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

/** What a page load can tell of where it stands in the tab's history. */
export interface LoadedEntry {
  /** The load's `PerformanceNavigationTiming.type`: 'navigate' for a new entry, else a reload or a return. */
  type: string | undefined;
  /** `history.length`: entries of every site in the tab, the current one included. */
  length: number;
  /** `navigation.currentEntry.index` where the Navigation API is: 0 when no entry of the app's is before it. */
  index: number | undefined;
}

/**
 * Whether this load made a new entry with nothing of the app's before it. A reload or a return
 * lands on an entry that was there already, so a parent is put beneath an entry once.
 */
export function isFirstEntry(entry: LoadedEntry): boolean {
  if (entry.type !== 'navigate') return false;
  return entry.index === undefined ? entry.length === 1 : entry.index === 0;
}
