import { createRoot, createSignal } from 'solid-js';
import { type Account, accountFor, accounts } from './accounts.ts';
import { CompoundSession } from './CompoundSession.ts';
import { docsWithUnsent } from './unsentDocs.ts';

/** How often a kept session looks whether the relay holds everything yet. */
const CHECK_MS = 2_000;
/** A session kept longer than this stops: what it holds stays on the phone for the next visit. */
const KEEP_AT_MOST_MS = 30 * 60_000;

interface Kept {
  session: CompoundSession;
  dispose: () => void;
  timer: ReturnType<typeof setInterval>;
}

const kept = new Map<string, Kept>();
const [keptUnsent, setKeptUnsent] = createSignal<ReadonlyMap<string, number>>(new Map());

const keyOf = (a: Pick<Account, 'compoundId' | 'memberId'>) => `${a.compoundId}\n${a.memberId}`;

/**
 * A compound's session, for as long as a page shows the compound, and after: a member who wrote
 * offline in one compound and switched to another went online with the change still on the phone,
 * sent only when they opened that compound again (the other parties waiting on a signature the
 * member thought given). So a session left with unsent changes is kept, syncing in the
 * background, until the relay holds them (`release`), and taken up again should the member come
 * back meanwhile: two sessions of one compound in one tab would write under one Yjs client id.
 * Sessions live in a root of their own, not the page's, so their memos outlive the page.
 */
export function openSession(account: Account): { session: CompoundSession; release(): void } {
  const key = keyOf(account);
  const again = kept.get(key);
  let session: CompoundSession;
  let dispose: () => void;
  if (again) {
    clearInterval(again.timer);
    kept.delete(key);
    setKeptUnsent((m) => without(m, account.compoundId));
    ({ session, dispose } = again);
  } else {
    ({ session, dispose } = createRoot((d) => ({ session: new CompoundSession({ ...account }), dispose: d })));
  }
  let released = false;
  return {
    session,
    release() {
      if (released) return;
      released = true;
      keepUntilSent(key, session, dispose);
    },
  };
}

/**
 * Opens in the background every other compound of this phone that an earlier visit left with
 * unsent changes (the app closed, or reloaded, after a switch), until the relay holds them.
 */
export function sendLeftBehind(currentCompoundId: string): void {
  for (const a of accounts) {
    if (a.compoundId === currentCompoundId || a.lost || kept.has(keyOf(a))) continue;
    if (docsWithUnsent(a.compoundId).length > 0) openSession(a).release();
  }
}

/** Unsent changes of compounds kept in the background, by compound id (for the compounds list). */
export function backgroundUnsent(compoundId: string): number {
  return keptUnsent().get(compoundId) ?? 0;
}

function keepUntilSent(key: string, session: CompoundSession, dispose: () => void): void {
  const stop = () => {
    const k = kept.get(key);
    if (k?.session === session) {
      clearInterval(k.timer);
      kept.delete(key);
    }
    setKeptUnsent((m) => without(m, session.compoundId));
    session.destroy();
    dispose();
  };
  // Removed from the phone (its databases are being deleted) or its member removed: nothing to send.
  const done = () => {
    const account = accountFor(session.compoundId);
    return !account || account.lost !== undefined || session.allSent();
  };
  if (done()) {
    stop();
    return;
  }
  const since = Date.now();
  const timer = setInterval(() => {
    if (done() || Date.now() - since > KEEP_AT_MOST_MS) stop();
    else setKeptUnsent((m) => new Map(m).set(session.compoundId, session.summary().unsent));
  }, CHECK_MS);
  kept.set(key, { session, dispose, timer });
  setKeptUnsent((m) => new Map(m).set(session.compoundId, session.summary().unsent));
}

function without(m: ReadonlyMap<string, number>, compoundId: string): ReadonlyMap<string, number> {
  if (!m.has(compoundId)) return m;
  const next = new Map(m);
  next.delete(compoundId);
  return next;
}
