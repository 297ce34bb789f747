import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type Accessor, createSignal } from 'solid-js';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, poisoningCloseCodes } from '../../shared/errors.ts';
import { type ExportedCopy, exportCopy } from './exportDoc.ts';
import { docDbName, syncUrl } from './ids.ts';
import { storeAfterLoad } from './storeAfterLoad.ts';
import { type SavedUnsent, UnsentTracker } from './UnsentTracker.ts';

/** Transaction origin of this device's own writes (STYLE: typed origins). */
export const localOrigin = { kind: 'local' } as const;

export type Connection = 'offline' | 'connecting' | 'connected';

/** Something the member should know about this document, in the words of client/i18n. */
export type DocProblem =
  | { kind: 'storage'; detail: string }
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'recovered'; code: number; reason: string; copy: ExportedCopy }
  | { kind: 'rate-limited'; retryAt: number };

export interface DocHandleOptions {
  compoundId: string;
  docName: string;
  token: string;
  /** 4401 / 4404 and friends: reconnecting cannot help until the member acts. */
  onFatal: (code: number, reason: string) => void;
  /** Many failed attempts while the browser claims to be online: maybe the token (HTTP 401 at upgrade). */
  onUnreachable?: () => void;
}

const PROBE_DELAY_MS = 400;
const PROBE_INTERVAL_MS = 5_000;
const RATE_LIMIT_WAIT_MS = 30_000;
/** A second poisoning soon after a recovery stops the loop and waits for the member. */
const RECOVERY_LOOP_MS = 60_000;

/**
 * One Yjs document of a compound: IndexedDB first (the app works with no network), then the
 * relay through the stock WebsocketProvider. Its signals say truthfully where the copy stands.
 */
export class DocHandle {
  readonly doc: Accessor<Y.Doc>;
  readonly loaded: Accessor<boolean>;
  readonly connection: Accessor<Connection>;
  readonly synced: Accessor<boolean>;
  readonly unsent: Accessor<number>;
  readonly problem: Accessor<DocProblem | undefined>;
  private readonly set: {
    doc: (d: Y.Doc) => void;
    loaded: (v: boolean) => void;
    connection: (c: Connection) => void;
    synced: (v: boolean) => void;
    unsent: (a: Accessor<number>) => void;
    problem: (p: DocProblem | undefined) => void;
  };
  private persistence: IndexeddbPersistence | undefined;
  private provider: WebsocketProvider | undefined;
  private tracker: UnsentTracker | undefined;
  private destroyed = false;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRecovery = 0;
  private greeted = false;
  private readonly dbName: string;

  constructor(private readonly opts: DocHandleOptions) {
    this.dbName = docDbName(opts.compoundId, opts.docName);
    const [doc, setDoc] = createSignal(new Y.Doc(), { equals: false });
    const [loaded, setLoaded] = createSignal(false);
    const [connection, setConnection] = createSignal<Connection>('connecting');
    const [synced, setSynced] = createSignal(false);
    const [unsentSource, setUnsentSource] = createSignal<Accessor<number>>(() => 0);
    const [problem, setProblem] = createSignal<DocProblem>();
    this.doc = doc;
    this.loaded = loaded;
    this.connection = connection;
    this.synced = synced;
    this.unsent = () => unsentSource()();
    this.problem = problem;
    this.set = {
      doc: setDoc,
      loaded: setLoaded,
      connection: setConnection,
      synced: setSynced,
      unsent: (a) => setUnsentSource(() => a),
      problem: setProblem,
    };
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    void this.open(doc());
  }

  get name(): string {
    return this.opts.docName;
  }

  /** The document's event log. */
  events(): Y.Array<unknown> {
    return this.doc().getArray('events');
  }

  /** Appends events in one local transaction (already checked by the caller with checkEvent). */
  append(events: unknown[]): void {
    const doc = this.doc();
    doc.transact(() => doc.getArray('events').push(events), localOrigin);
  }

  /** Tries the relay again after the member dismissed a stop (rate limit, too large...). */
  retry(): void {
    this.set.problem(undefined);
    this.provider?.connect();
    this.refreshConnection();
  }

  dismissProblem(): void {
    this.set.problem(undefined);
  }

  /** Saves the local copy to files, forgets it and loads the document again from the relay. */
  async resetFromRelay(code: number, reason: string): Promise<void> {
    const old = this.doc();
    const copy = exportCopy(old, this.opts.compoundId, this.opts.docName);
    copy.download();
    await this.close();
    await clearDocument(this.dbName);
    old.destroy();
    const fresh = new Y.Doc();
    this.set.doc(fresh);
    this.set.problem({ kind: 'recovered', code, reason, copy });
    await this.open(fresh);
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    await this.close();
    this.doc().destroy();
  }

  private async open(doc: Y.Doc): Promise<void> {
    this.set.loaded(false);
    this.set.synced(false);
    const persistence = new IndexeddbPersistence(this.dbName, doc);
    storeAfterLoad(persistence, doc);
    this.persistence = persistence;
    // Counting starts at once so a write made while IndexedDB is still loading is not missed.
    const tracker = new UnsentTracker(doc, (saved) => {
      persistence.set('unsent', saved as never).catch((e: unknown) => this.storageFailed(e));
    });
    this.tracker = tracker;
    this.set.unsent(tracker.count);
    // y-indexeddb never settles whenSynced when the database cannot open: surface it instead.
    const opened = (persistence as unknown as { _db: Promise<IDBDatabase> })._db.then(
      () => true,
      (e: unknown) => {
        this.set.problem({ kind: 'storage', detail: String(e) });
        return false;
      },
    );
    const ok = await opened;
    if (ok) await persistence.whenSynced;
    if (this.destroyed || this.doc() !== doc) return;
    if (ok) {
      const saved = (await persistence.get('unsent').catch(() => undefined)) as SavedUnsent | undefined;
      if (this.destroyed || this.doc() !== doc) return;
      tracker.restore(saved);
    }
    this.set.loaded(true);
    doc.on('afterTransaction', this.onLocalWrite);
    // The relay's client is not needed to show what is stored: it loads after.
    const { WebsocketProvider } = await import('y-websocket');
    if (this.destroyed || this.doc() !== doc || this.persistence !== persistence) return;
    this.connect(doc, WebsocketProvider);
  }

  private connect(doc: Y.Doc, Provider: typeof WebsocketProvider): void {
    const provider = new Provider(syncUrl(), `${this.opts.compoundId}/${this.opts.docName}`, doc, {
      params: { token: this.opts.token },
      connect: navigator.onLine,
      maxBackoffTime: 10_000,
      // Cross-tab BroadcastChannel re-encodes the whole document on every connect (~400 ms for a
      // five-year compound); tabs of one compound sync through the relay instead.
      disableBc: true,
    });
    this.provider = provider;
    this.watchSyncMessages(provider);
    provider.on('status', ({ status }) => {
      if (status === 'connected') {
        this.greeted = false;
        this.tracker?.connectionOpened();
      }
      this.refreshConnection();
    });
    provider.on('sync', (synced: boolean) => {
      this.set.synced(synced);
      if (synced) this.probe();
    });
    provider.on('connection-close', () => {
      this.set.synced(false);
      this.refreshConnection();
      if (provider.wsUnsuccessfulReconnects === 6 && navigator.onLine) this.opts.onUnreachable?.();
    });
    provider.on('closed', ({ code, reason }) => this.onClosed(code, reason));
    this.interval = setInterval(() => {
      if (this.tracker?.pending) this.probe();
    }, PROBE_INTERVAL_MS);
    this.refreshConnection();
  }

  /** Reads the relay's state vectors (its SyncStep1 messages) on their way to the stock handler. */
  private watchSyncMessages(provider: WebsocketProvider): void {
    const original = provider.messageHandlers[0]!;
    provider.messageHandlers[0] = (encoder, decoder, p, emitSynced, type) => {
      try {
        const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
        if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) {
          const sv = Y.decodeStateVector(decoding.readVarUint8Array(peek));
          this.tracker?.confirm(sv, this.greeted);
          this.greeted = true;
        }
      } catch {
        // Not ours to judge: the stock handler below decides what a malformed frame means.
      }
      original(encoder, decoder, p, emitSynced, type);
    };
  }

  /** Asks the relay for its state vector (see UnsentTracker); the relay answers with SyncStep2 + SyncStep1. */
  private probe(): void {
    clearTimeout(this.probeTimer);
    const provider = this.provider;
    const ws = provider?.ws;
    if (!provider || !ws || !provider.wsconnected || !provider.synced || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, provider.doc);
    this.tracker?.probeSent();
    ws.send(encoding.toUint8Array(encoder));
  }

  private onLocalWrite = (tr: Y.Transaction): void => {
    if (!tr.local) return;
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => this.probe(), PROBE_DELAY_MS);
  };

  private onClosed(code: number, reason: string): void {
    this.refreshConnection();
    if (poisoningCloseCodes.includes(code)) {
      if (Date.now() - this.lastRecovery < RECOVERY_LOOP_MS) {
        // Stop this document only: a member who may no longer read it keeps the rest of the compound.
        this.set.problem({ kind: 'closed', code, reason });
        return;
      }
      this.lastRecovery = Date.now();
      void this.resetFromRelay(code, reason);
      return;
    }
    if (code === CloseCode.RateLimited) {
      const retryAt = Date.now() + RATE_LIMIT_WAIT_MS;
      this.set.problem({ kind: 'rate-limited', retryAt });
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.retry(), RATE_LIMIT_WAIT_MS);
      return;
    }
    this.set.problem({ kind: 'closed', code, reason });
    if (code === CloseCode.Unauthenticated || code === CloseCode.NotFound) this.opts.onFatal(code, reason);
  }

  private refreshConnection(): void {
    const p = this.provider;
    let state: Connection;
    if (!p) state = navigator.onLine ? 'connecting' : 'offline';
    else if (p.wsconnected) state = 'connected';
    else state = !p.shouldConnect || !navigator.onLine || p.wsUnsuccessfulReconnects >= 3 ? 'offline' : 'connecting';
    this.set.connection(state);
  }

  private onOnline = (): void => {
    const p = this.provider;
    const stopped = this.problem()?.kind === 'closed';
    if (p && !stopped) p.connect();
    this.refreshConnection();
  };

  // A phone that loses its network drops its sockets; emulate that so the status tells the truth.
  private onOffline = (): void => {
    this.provider?.disconnect();
    this.set.synced(false);
    this.refreshConnection();
  };

  private storageFailed(e: unknown): void {
    this.set.problem({ kind: 'storage', detail: String(e) });
  }

  private async close(): Promise<void> {
    clearTimeout(this.probeTimer);
    clearTimeout(this.retryTimer);
    clearInterval(this.interval);
    const doc = this.doc();
    doc.off('afterTransaction', this.onLocalWrite);
    this.tracker?.destroy();
    this.tracker = undefined;
    this.provider?.destroy();
    this.provider = undefined;
    this.set.synced(false);
    this.set.unsent(() => 0);
    const persistence = this.persistence;
    this.persistence = undefined;
    await persistence?.destroy().catch(() => undefined);
  }
}
