import { saveCurrentDepth } from '@solidjs/router';
import { accountFor } from '../sync/accounts.ts';
import { homePath } from './Home.tsx';
import { isFirstEntry, parentPage } from './parentPage.ts';

/**
 * Opened straight onto a deep page, the app is the tab's first entry, and Android's back gesture
 * there closes it with no event a page can stop. This puts the page's parent beneath it (the current
 * entry becomes the parent, the page is pushed on top), so back lands on the parent inside the app,
 * a half-filled form asking first, and the next back leaves. Called once the accounts are read (the
 * parent is the compound's home, which depends on the member's role), before the router is made.
 */
export function putParentBeneath(): void {
  // WeChat's own browser shows its notice over the app first: a back there would change the URL
  // beneath the notice and nothing on screen.
  if (/MicroMessenger/i.test(navigator.userAgent)) return;
  // A compound this phone has not joined (a stranger's scan of a sign-in QR) gets nothing beneath:
  // its home would only be the same "not on this phone" page again.
  const parent = parentPage(location.pathname, (id) => (id && !accountFor(id) ? undefined : homePath(id)));
  const [load] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const navigation = (window as { navigation?: { currentEntry: { index: number } | null } }).navigation;
  const entry = { type: load?.type, length: history.length, index: navigation?.currentEntry?.index };
  if (!parent || !isFirstEntry(entry)) return;
  const here = location.pathname + location.search + location.hash;
  // The router numbers its entries (`_depth`) to undo a blocked back gesture; its module stamped this
  // one as it loaded. The parent keeps that number, the page takes the next, and the router reads it.
  const depth = Number(history.state?._depth ?? history.length - 1);
  history.replaceState({ ...history.state, _depth: depth }, '', parent);
  history.pushState({ _depth: depth + 1 }, '', here);
  saveCurrentDepth();
}
