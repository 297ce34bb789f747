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

/** Kept sessions by compound: one session of a compound at a time, whichever member it writes as. */
const kept = new Map<string, Kept>();
const [keptUnsent, setKeptUnsent] = createSignal<ReadonlyMap<string, number>>(new Map());

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
  const { session, dispose } = takeKept(account) ?? start(account, false);
  session.openCore();
  let released = false;
  return {
    session,
    release() {
      if (released) return;
      released = true;
      keepUntilSent(session, dispose);
    },
  };
}

/**
 * Opens in the background every other compound of this phone that an earlier visit left with
 * unsent changes (the app closed, or reloaded, after a switch): only the documents holding them,
 * until the relay holds them.
 */
export function sendLeftBehind(currentCompoundId: string): void {
  for (const a of accounts) {
    if (a.compoundId === currentCompoundId || a.lost || kept.has(a.compoundId)) continue;
    if (docsWithUnsent(a.compoundId).length === 0) continue;
    const { session, dispose } = start(a, true);
    keepUntilSent(session, dispose);
  }
}

/** Stops a compound's kept session at once: the compound is being removed from the phone. */
export function forgetSession(compoundId: string): void {
  const k = kept.get(compoundId);
  if (k) stop(k.session, k.dispose);
}

/** Unsent changes of compounds kept in the background, by compound id (for the compounds list). */
export function backgroundUnsent(compoundId: string): number {
  return keptUnsent().get(compoundId) ?? 0;
}

/** The session sending a compound's unsent changes in the background, while there is one (for its unsent list). */
export function backgroundSession(compoundId: string): CompoundSession | undefined {
  // Read for its changes: it is set each time a kept session comes or goes.
  keptUnsent();
  return kept.get(compoundId)?.session;
}

function start(account: Account, onlyUnsent: boolean): { session: CompoundSession; dispose: () => void } {
  return createRoot((dispose) => ({ session: new CompoundSession({ ...account }, { onlyUnsent }), dispose }));
}

/** The kept session of the account's compound, if it writes as this member; one of another member stops. */
function takeKept(account: Account): { session: CompoundSession; dispose: () => void } | undefined {
  const k = kept.get(account.compoundId);
  if (!k) return undefined;
  if (k.session.memberId !== account.memberId) {
    stop(k.session, k.dispose);
    return undefined;
  }
  clearInterval(k.timer);
  kept.delete(account.compoundId);
  setKeptUnsent((m) => without(m, account.compoundId));
  return { session: k.session, dispose: k.dispose };
}

function stop(session: CompoundSession, dispose: () => void): void {
  const k = kept.get(session.compoundId);
  if (k?.session === session) {
    clearInterval(k.timer);
    kept.delete(session.compoundId);
  }
  setKeptUnsent((m) => without(m, session.compoundId));
  session.destroy();
  dispose();
}

function keepUntilSent(session: CompoundSession, dispose: () => void): void {
  // Removed from the phone, its member removed or joined again as another: nothing of this one to send.
  const done = () => {
    const account = accountFor(session.compoundId);
    return !account || account.lost !== undefined || account.memberId !== session.memberId || session.allSent();
  };
  if (done()) {
    stop(session, dispose);
    return;
  }
  const since = Date.now();
  const timer = setInterval(() => {
    if (done() || Date.now() - since > KEEP_AT_MOST_MS) stop(session, dispose);
    else setKeptUnsent((m) => new Map(m).set(session.compoundId, session.summary().unsent));
  }, CHECK_MS);
  const other = kept.get(session.compoundId);
  if (other && other.session !== session) stop(other.session, other.dispose);
  kept.set(session.compoundId, { session, dispose, timer });
  setKeptUnsent((m) => new Map(m).set(session.compoundId, session.summary().unsent));
}

function without(m: ReadonlyMap<string, number>, compoundId: string): ReadonlyMap<string, number> {
  if (!m.has(compoundId)) return m;
  const next = new Map(m);
  next.delete(compoundId);
  return next;
}
