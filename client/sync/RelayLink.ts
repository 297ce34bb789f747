import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type Accessor, createSignal } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { presenceFollowsDoc } from './deviceClient.ts';
import { syncUrl } from './ids.ts';
import { type TicketSource, ticketSocket } from './ticketSocket.ts';
import type { UnsentTracker } from './UnsentTracker.ts';

export type Connection = 'offline' | 'connecting' | 'connected';

export interface RelayLinkOptions {
  /** The relay's name for the document: `compoundId/docName`. */
  room: string;
  /** A fresh sync ticket for each connect: the member token stays out of the URL. */
  ticket: TicketSource;
  /** Whether the provider should reconnect by itself after the relay closed with this code. */
  shouldReconnect: (code: number) => boolean;
  /** A close the provider does not retry. */
  onClosed: (code: number, reason: string) => void;
  /** Whether coming back online may reconnect (not while the document is stopped). */
  mayReconnect: () => boolean;
  /** Many failed attempts while the browser claims to be online: maybe the token (HTTP 401 at upgrade). */
  onUnreachable?: () => void;
  /** A connection opened (each time); `again`: this link had one before, the phone was away from the relay meanwhile. */
  onConnected?: (again: boolean) => void;
  /** The document received the relay's state (each time a connection syncs). */
  onSynced?: () => void;
}

const PROBE_DELAY_MS = 400;
const PROBE_INTERVAL_MS = 5_000;
/** The provider's first frame type, the sync protocol's. */
const MESSAGE_SYNC = 0;

/**
 * One document's link to the relay through the stock WebsocketProvider: its connection and sync
 * signals, and the probes that tell the UnsentTracker what the relay really holds.
 */
export class RelayLink {
  readonly connection: Accessor<Connection>;
  readonly synced: Accessor<boolean>;
  /** The provider's presence (y-protocols awareness); undefined until its client has loaded. */
  readonly awareness: Accessor<Awareness | undefined>;
  private readonly setConnection: (c: Connection) => void;
  private readonly setSynced: (v: boolean) => void;
  private readonly setAwareness: (a: Awareness | undefined) => void;
  private provider: WebsocketProvider | undefined;
  /** Bumped by start() and stop(), so a start still loading the client after a stop does nothing. */
  private generation = 0;
  private tracker: UnsentTracker | undefined;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private greeted = false;
  /** Connections opened so far, over every start. */
  private opened = 0;
  /** Held off the relay by pause(), whatever the network does. */
  private paused = false;
  private unfollow: (() => void) | undefined;

  constructor(private readonly opts: RelayLinkOptions) {
    const [connection, setConnection] = createSignal<Connection>('connecting');
    const [synced, setSynced] = createSignal(false);
    const [awareness, setAwareness] = createSignal<Awareness>();
    this.connection = connection;
    this.synced = synced;
    this.awareness = awareness;
    this.setConnection = setConnection;
    this.setSynced = setSynced;
    this.setAwareness = setAwareness;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  /** Connects a document (already loaded from IndexedDB) whose unsent changes `tracker` counts. */
  async start(doc: Y.Doc, tracker: UnsentTracker): Promise<void> {
    const generation = ++this.generation;
    // The relay's client is not needed to show what is stored: it loads after, off the first screen.
    const { WebsocketProvider } = await import('y-websocket');
    if (generation !== this.generation) return;
    this.tracker = tracker;
    const provider = new WebsocketProvider(syncUrl(), this.opts.room, doc, {
      // Each socket the provider opens, reconnects included, fetches its own ticket first.
      WebSocketPolyfill: ticketSocket(this.opts.ticket),
      // Not while the document is stopped (a copy opened again after a reset failed): retry() connects.
      connect: navigator.onLine && !this.paused && this.opts.mayReconnect(),
      maxBackoffTime: 10_000,
      // Cross-tab BroadcastChannel re-encodes the whole document on every connect (~400 ms for a
      // five-year compound); tabs of one compound sync through the relay instead.
      disableBc: true,
      shouldReconnect: (event) => this.opts.shouldReconnect(event.code),
    });
    this.provider = provider;
    this.setAwareness(provider.awareness);
    this.unfollow = presenceFollowsDoc(doc, provider.awareness);
    this.watchSyncMessages(provider);
    doc.on('afterTransaction', this.onLocalWrite);
    provider.on('status', ({ status }) => {
      if (status === 'connected') {
        this.greeted = false;
        tracker.connectionOpened();
        this.opts.onConnected?.(this.opened++ > 0);
      }
      this.refresh();
    });
    provider.on('sync', (synced: boolean) => {
      this.setSynced(synced);
      if (!synced) return;
      this.probe();
      this.opts.onSynced?.();
    });
    provider.on('connection-close', () => {
      this.setSynced(false);
      this.refresh();
      if (provider.wsUnsuccessfulReconnects === 6 && navigator.onLine) this.opts.onUnreachable?.();
    });
    provider.on('closed', ({ code, reason }) => {
      this.refresh();
      this.opts.onClosed(code, reason);
    });
    this.interval = setInterval(() => {
      if (tracker.pending) this.probe();
    }, PROBE_INTERVAL_MS);
    this.refresh();
  }

  /** Tries the relay again after a stop. */
  retry(): void {
    this.provider?.connect();
    this.refresh();
  }

  /** Keeps the document off the relay (while the member's token is being replaced) until resume(). */
  pause(): void {
    this.paused = true;
    this.provider?.disconnect();
    this.setSynced(false);
    this.refresh();
  }

  resume(): void {
    this.paused = false;
    this.onOnline();
  }

  /** Disconnects the document given to start(); the link can start again with another. */
  stop(): void {
    this.generation++;
    clearTimeout(this.probeTimer);
    clearInterval(this.interval);
    this.provider?.doc.off('afterTransaction', this.onLocalWrite);
    this.unfollow?.();
    this.unfollow = undefined;
    this.provider?.destroy();
    this.provider = undefined;
    this.tracker = undefined;
    this.setSynced(false);
    this.setAwareness(undefined);
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.stop();
  }

  /** Reads the relay's state vectors (its SyncStep1 messages) on their way to the stock handler. */
  private watchSyncMessages(provider: WebsocketProvider): void {
    const original = provider.messageHandlers[MESSAGE_SYNC]!;
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
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
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, provider.doc);
    this.tracker?.probeSent();
    ws.send(encoding.toUint8Array(encoder));
  }

  private onLocalWrite = (tr: Y.Transaction): void => {
    if (!tr.local) return;
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => this.probe(), PROBE_DELAY_MS);
  };

  private refresh(): void {
    const p = this.provider;
    let state: Connection;
    if (this.paused || !p) state = navigator.onLine ? 'connecting' : 'offline';
    else if (p.wsconnected) state = 'connected';
    else state = !p.shouldConnect || !navigator.onLine || p.wsUnsuccessfulReconnects >= 3 ? 'offline' : 'connecting';
    this.setConnection(state);
  }

  private onOnline = (): void => {
    if (this.provider && !this.paused && navigator.onLine && this.opts.mayReconnect()) this.provider.connect();
    this.refresh();
  };

  // A phone that loses its network drops its sockets; emulate that so the status tells the truth.
  private onOffline = (): void => {
    this.provider?.disconnect();
    this.setSynced(false);
    this.refresh();
  };
}
