import { type Accessor, createSignal } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { installReadAnyFast } from '../../shared/yjs/readAnyFast.ts';
import { claimDeviceClient, type Release, webLocks } from './deviceClient.ts';
import { EarlyWrites } from './earlyWrites.ts';
import type { ExportedCopy } from './exportDoc.ts';
import { firstSnapshot } from './firstSnapshot.ts';
import { docDbName } from './ids.ts';
import { LocalCopy } from './LocalCopy.ts';
import { type Connection, RelayLink } from './RelayLink.ts';
import { type DocProblem, RelayProblem } from './RelayProblem.ts';
import { latestStamp, relayNow, stampAfter } from './relayClock.ts';
import { saveAndForget } from './saveAndForget.ts';
import type { TicketSource } from './ticketSocket.ts';
import { type SavedUnsent, UnsentTracker } from './UnsentTracker.ts';
import { markUnsent } from './unsentDocs.ts';

export type { Connection } from './RelayLink.ts';
export type { DocProblem } from './RelayProblem.ts';

// Before any document loads: the sync layer loads with the first compound page, not with the app.
installReadAnyFast();

/** Transaction origin of this device's own writes. */
export const localOrigin = { kind: 'local' } as const;

/** The phone's storage failed for this document: shown beside a DocProblem, never in its place. */
export interface StorageProblem {
  kind: 'storage';
  detail: string;
}

export interface DocHandleOptions {
  compoundId: string;
  docName: string;
  /** Who writes: this device's client id for the document is kept per member. */
  memberId: string;
  /** A fresh sync ticket, fetched before every connect. */
  ticket: TicketSource;
  /** The member's token, for the first join's snapshot: one round trip fewer than a ticket. */
  token?: () => string;
  /** 4401 / 4404 and friends: reconnecting cannot help until the member acts. */
  onFatal: (code: number, reason: string) => void;
  /** Many failed attempts while the browser claims to be online: maybe the token (HTTP 401 at upgrade). */
  onUnreachable?: () => void;
  /** The stored copy loaded empty while online: a first join, about to fetch the whole document. */
  onFirstJoin?: () => void;
  /** The relay closed the socket because the member's role changed (4100): read the account again. */
  onRoleChanged?: () => void;
  /** A connection to the relay opened; `again`: this document had one before (see RelayLink). */
  onConnected?: (again: boolean) => void;
  /** The copy was reset after a refusal: what it had not sent went to `copy`'s files, not to the relay. */
  onRecovered?: (copy: ExportedCopy) => void;
}

/**
 * One Yjs document of a compound: IndexedDB first (the app works with no network), then the
 * relay through a RelayLink. Its signals say truthfully where the copy stands.
 */
export class DocHandle {
  readonly doc: Accessor<Y.Doc>;
  readonly loaded: Accessor<boolean>;
  /**
   * A first join: the stored copy loaded empty while online, and the document is on its way (the
   * snapshot, then the socket). An empty list means nothing until then.
   */
  readonly joining: Accessor<boolean>;
  /** Loaded and not joining: an empty copy now means an empty document ("not found", not "loading"). */
  readonly ready: Accessor<boolean>;
  readonly connection: Accessor<Connection>;
  readonly synced: Accessor<boolean>;
  /** Who else has the document open, through the relay (y-protocols awareness). */
  readonly awareness: Accessor<Awareness | undefined>;
  readonly unsent: Accessor<number>;
  /** The local transactions `unsent` counts, and the relay's clocks for their clients (the unsent list). */
  readonly unsentState: Accessor<SavedUnsent>;
  readonly problem: Accessor<DocProblem | undefined>;
  /** IndexedDB failed (a write, the load, a reset): the document goes on in memory and to the relay. */
  readonly storageProblem: Accessor<StorageProblem | undefined>;
  private readonly set: {
    doc: (d: Y.Doc) => void;
    loaded: (v: boolean) => void;
    joining: (v: boolean) => void;
    unsent: (tracker: UnsentTracker | undefined) => void;
    storageProblem: (p: StorageProblem | undefined) => void;
  };
  private readonly link: RelayLink;
  private readonly relay: RelayProblem;
  private local: LocalCopy | undefined;
  private tracker: UnsentTracker | undefined;
  private destroyed = false;
  private resetting: Promise<void> | undefined;
  private readonly dbName: string;
  /** The open copy's claim on this device's client id: pending, held (its release) or settled without. */
  private claim: Promise<Release | undefined> | undefined;

  constructor(private readonly opts: DocHandleOptions) {
    this.dbName = docDbName(opts.compoundId, opts.docName);
    const [doc, setDoc] = createSignal(new Y.Doc(), { equals: false });
    const [loaded, setLoaded] = createSignal(false);
    const [joining, setJoining] = createSignal(false);
    const [unsentSource, setUnsentSource] = createSignal<UnsentTracker>();
    const [storageProblem, setStorageProblem] = createSignal<StorageProblem>();
    this.relay = new RelayProblem({
      unsent: () => this.unsent(),
      recover: (code, reason) => void this.resetFromRelay(code, reason),
      retry: () => this.retry(),
      onFatal: opts.onFatal,
      onRoleChanged: opts.onRoleChanged,
    });
    this.link = new RelayLink({
      room: `${opts.compoundId}/${opts.docName}`,
      ticket: opts.ticket,
      shouldReconnect: (code) => this.relay.decide(code) === 'reconnect',
      onClosed: (code, reason) => this.relay.closed(code, reason),
      mayReconnect: () => !this.relay.stopped,
      onUnreachable: opts.onUnreachable,
      onSynced: () => {
        this.set.joining(false);
        this.claimClient();
      },
      // Another tab may have stored writes while this one was offline or hidden: sent from here.
      onConnected: (again) => {
        void this.readOtherTabs();
        opts.onConnected?.(again);
      },
    });
    this.doc = doc;
    this.loaded = loaded;
    this.joining = joining;
    this.ready = () => loaded() && !joining();
    this.connection = this.link.connection;
    this.synced = this.link.synced;
    this.awareness = this.link.awareness;
    this.unsent = () => unsentSource()?.count() ?? 0;
    this.unsentState = () => unsentSource()?.state() ?? nothingUnsent;
    this.problem = this.relay.current;
    this.storageProblem = storageProblem;
    this.set = {
      doc: setDoc,
      loaded: setLoaded,
      joining: setJoining,
      unsent: setUnsentSource,
      storageProblem: setStorageProblem,
    };
    document.addEventListener?.('visibilitychange', this.onVisible);
    void this.open(doc());
  }

  get name(): string {
    return this.opts.docName;
  }

  /** The document's event log. */
  events(): Y.Array<unknown> {
    return this.doc().getArray('events');
  }

  /**
   * The `at` of an event written now: the relay's time, and after every event this copy holds
   * (see relayClock.ts), so the folds put it after what its author had seen.
   */
  stamp(): number {
    return stampAfter(relayNow(), latestStamp(this.doc()));
  }

  /** Appends events in one local transaction (already checked by the caller with checkEvent). */
  append(events: unknown[]): void {
    const doc = this.doc();
    doc.transact(() => doc.getArray('events').push(events), localOrigin);
  }

  /** Tries the relay again after the member dismissed a stop (rate limit, too large...). */
  retry(): void {
    this.relay.clear();
    this.link.retry();
  }

  /** Off the relay until resume(), e.g. while the member's token is replaced. */
  pause(): void {
    this.link.pause();
  }

  resume(): void {
    this.link.resume();
  }

  dismissProblem(): void {
    this.relay.clear();
  }

  /**
   * Saves the local copy to files, forgets it and loads the document again from the relay. When
   * IndexedDB fails on the way, the copy is opened again, with a storage problem said. A call while
   * a reset runs (重置本机副本 tapped twice) gets the running one.
   */
  resetFromRelay(code: number, reason: string): Promise<void> {
    this.resetting ??= this.reset(code, reason).finally(() => {
      this.resetting = undefined;
    });
    return this.resetting;
  }

  private async reset(code: number, reason: string): Promise<void> {
    const old = this.doc();
    await this.close();
    let copy: ExportedCopy;
    try {
      copy = await saveAndForget(old, this.dbName, this.earlyWrites(), this.opts);
    } catch (e) {
      this.storageFailed(e);
      if (!this.destroyed) await this.open(old);
      return;
    }
    markUnsent(this.opts.compoundId, this.opts.docName, false);
    const fresh = new Y.Doc();
    this.set.doc(fresh);
    old.destroy();
    // A new database: what the old one failed at is behind.
    this.set.storageProblem(undefined);
    this.relay.recovered(code, reason, copy);
    this.opts.onRecovered?.(copy);
    if (!this.destroyed) await this.open(fresh);
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    document.removeEventListener?.('visibilitychange', this.onVisible);
    this.link.destroy();
    await this.close();
    this.doc().destroy();
  }

  private async open(doc: Y.Doc): Promise<void> {
    this.set.loaded(false);
    const local = new LocalCopy(this.dbName, doc, (e) => this.storageFailed(e), this.earlyWrites());
    this.local = local;
    // Counting starts at once so a write made while IndexedDB is still loading is not missed.
    const tracker = new UnsentTracker(doc, (mine) => {
      // Listed at once: the page may be left before the save below ends, and the next visit opens
      // what is listed. The stored list holds other tabs' entries too, so the document leaves the
      // list only once the merged save says none is left.
      if (mine.entries.length > 0) {
        markUnsent(this.opts.compoundId, this.opts.docName, true);
        // The member wrote in it (the link may have dropped mid-join): the copy is theirs to show.
        this.set.joining(false);
      }
      local
        .saveUnsent(mine, (stored) => tracker.merged(stored))
        .then(
          (all) => markUnsent(this.opts.compoundId, this.opts.docName, all.entries.length > 0),
          (e: unknown) => this.storageFailed(e),
        );
    });
    this.tracker = tracker;
    this.set.unsent(tracker);
    const result = await local.loaded;
    if (this.destroyed || this.doc() !== doc) return;
    if (result.ok) tracker.restore(result.unsent);
    else this.storageFailed(result.error);
    // Said before `loaded`, so nothing reads an empty copy that is still on its way as an empty compound.
    const firstJoin = result.ok && doc.store.clients.size === 0 && globalThis.navigator?.onLine !== false;
    if (firstJoin) {
      this.set.joining(true);
      this.opts.onFirstJoin?.();
    }
    this.set.loaded(true);
    if (result.ok) await firstSnapshot(this.opts, doc);
    if (this.destroyed || this.doc() !== doc) return;
    if (firstJoin && doc.store.clients.size > 0) this.set.joining(false);
    void this.link.start(doc, tracker);
  }

  /** Takes in what other tabs of the phone stored since this copy loaded, and counts what they left unsent. */
  private async readOtherTabs(): Promise<void> {
    const local = this.local;
    const tracker = this.tracker;
    if (!local || !tracker || !this.loaded()) return;
    try {
      const saved = await local.readOtherTabs();
      if (this.local === local) tracker.restore(saved);
    } catch (e) {
      this.storageFailed(e);
    }
  }

  private onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.readOtherTabs();
  };

  /** After the first sync of an open copy: continue under the client id this device wrote under before. */
  private claimClient(): void {
    const doc = this.doc();
    const local = this.local;
    if (this.claim || !local) return;
    this.claim = claimDeviceClient({
      doc,
      awareness: this.link.awareness(),
      store: local,
      dbName: this.dbName,
      memberId: this.opts.memberId,
      tryHold: webLocks,
      current: () => !this.destroyed && this.local === local,
    }).catch((e: unknown) => {
      // The visit keeps its fresh id: nothing is lost, the document only gains a client.
      console.warn('client id not claimed', e);
      return undefined;
    });
  }

  /** Where this visit keeps writes made while a copy loads (a closed app would lose them otherwise). */
  private earlyWrites(): EarlyWrites {
    return new EarlyWrites(this.opts.compoundId, this.opts.docName);
  }

  private storageFailed(e: unknown): void {
    this.set.storageProblem({ kind: 'storage', detail: String(e) });
  }

  private async close(): Promise<void> {
    this.relay.cancelWait();
    const claim = this.claim;
    this.claim = undefined;
    void claim?.then((release) => release?.());
    this.link.stop();
    this.tracker?.destroy();
    this.tracker = undefined;
    this.set.unsent(undefined);
    const local = this.local;
    this.local = undefined;
    await local?.destroy();
  }
}

const nothingUnsent: SavedUnsent = { entries: [], confirmed: [] };
