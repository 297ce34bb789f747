import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** Lets go of a held lock. */
export type Release = () => void;

/** Takes a lock only if nobody holds it now; undefined when taken elsewhere or locks are missing. */
export type TryHold = (name: string) => Promise<Release | undefined>;

/** Where a document's copy keeps the client id this device writes under, per member. */
export interface ClientIdStore {
  storedClient(memberId: string): Promise<number | undefined>;
  rememberClient(memberId: string, clientId: number): Promise<void>;
}

export interface ClaimOptions {
  doc: Y.Doc;
  /** The provider's presence, which must announce the id the document writes under. */
  awareness: Awareness | undefined;
  store: ClientIdStore;
  /** The document's IndexedDB name: locks are per document and client id. */
  dbName: string;
  memberId: string;
  tryHold: TryHold;
  /** Checked after every wait: false once the document was closed or replaced meanwhile. */
  current: () => boolean;
}

/**
 * After the document's first sync with the relay in this visit, writes continue under the client id
 * this device wrote under before, so a compound's documents do not gain a Yjs client per page load
 * (Yjs copies every client's clock at each transaction: yjs/yjs#415).
 *
 * Why this is safe: the copy now holds everything the relay holds under the id, and what it holds
 * beyond that (an earlier visit's unsent writes) went up in the same sync; a Web Lock keeps a second
 * tab of this device off the id, so nobody else can be writing at the clocks this copy continues
 * from. Writes made before the first sync (offline) stay under the visit's fresh id. The relay's
 * backstop for the rest (another relay instance that has not heard of a write yet) is its refusal
 * of a struct it holds with other content, after which the phone saves its copy and reloads.
 * The relay binds a client id to one member, so the id is kept per member.
 *
 * Resolves with the lock's release, or undefined when this visit keeps its own id unremembered.
 */
export async function claimDeviceClient(o: ClaimOptions): Promise<Release | undefined> {
  const stored = await o.store.storedClient(o.memberId);
  if (!o.current()) return undefined;
  const id = stored ?? o.doc.clientID;
  const release = await o.tryHold(lockName(o.dbName, id));
  if (!release) return undefined;
  if (!o.current()) {
    release();
    return undefined;
  }
  if (stored === undefined) {
    await o.store.rememberClient(o.memberId, id);
  } else if (stored !== o.doc.clientID) {
    moveClient(o.doc, o.awareness, stored);
  }
  return release;
}

export function lockName(dbName: string, clientId: number): string {
  return `${dbName}#client-${clientId}`;
}

/** Whether a stored value can be a Yjs client id (an unsigned 32-bit integer). */
export function isClientId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}

/**
 * Writes continue under `clientId`; presence follows, since the stock provider announces and keeps
 * the state of `doc.clientID` only: the old id leaves (others drop it now, not after 30 s) and the
 * same state comes back under the new one. The relay and other phones keep the last clock they saw
 * of an id after it left and ignore anything not newer, so the id's presence restarts from the
 * time in ms: above any earlier visit's count, which grows by one per change.
 */
export function moveClient(doc: Y.Doc, awareness: Awareness | undefined, clientId: number, now = Date.now()): void {
  doc.clientID = clientId;
  if (!awareness || awareness.clientID === clientId) return;
  const state = awareness.getLocalState();
  awareness.setLocalState(null);
  awareness.clientID = clientId;
  awareness.meta.set(clientId, { clock: Math.max(now, awareness.meta.get(clientId)?.clock ?? 0), lastUpdated: now });
  awareness.setLocalState(state);
}

/** Web Locks, where the browser has them (secure contexts): held until released or the tab ends. */
export const webLocks: TryHold = (name) => {
  const locks = globalThis.navigator?.locks;
  if (!locks) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let release: Release = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(undefined);
          return undefined;
        }
        resolve(release);
        return held;
      })
      .catch(() => resolve(undefined));
  });
};

/**
 * Keeps presence under the id the document writes under. Yjs gives a document a new random id by
 * itself when an update from elsewhere carries writes under its own; the stock provider then would
 * announce a state it does not hold (and fail on reconnect). Returns the unsubscribe.
 */
export function presenceFollowsDoc(doc: Y.Doc, awareness: Awareness): () => void {
  const follow = () => {
    if (awareness.clientID !== doc.clientID) moveClient(doc, awareness, doc.clientID);
  };
  doc.on('afterTransactionCleanup', follow);
  return () => doc.off('afterTransactionCleanup', follow);
}
