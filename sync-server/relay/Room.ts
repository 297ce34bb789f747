import * as Y from 'yjs';
import { CloseCode, RejectReason } from '../../shared/errors.ts';
import type { ServerEvent } from '../../shared/events/member.ts';
import type { DocKind } from '../../shared/rooms.ts';
import type { DocStore } from '../storage/Storage.ts';
import { applyStored } from './applyStored.ts';
import { BusLink, busOrigin } from './BusLink.ts';
import { Commits, sentBefore } from './Commits.ts';
import { Compaction } from './Compaction.ts';
import type { CompactionQueue } from './CompactionQueue.ts';
import type { Connection } from './Connection.ts';
import { FrameQueue, type RoomStatus } from './FrameQueue.ts';
import { HeldFrames } from './HeldFrames.ts';
import { decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate, isSyncStep1, isSyncStep2 } from './protocol.ts';
import { RoomAwareness } from './RoomAwareness.ts';
import { StoreQueue } from './StoreQueue.ts';
import type { TurnBudget } from './TurnBudget.ts';
import type { RelayOptions, RoomState } from './types.ts';
import { UpdateIntake } from './UpdateIntake.ts';
import { UpdateTap } from './UpdateTap.ts';

export { FRAME_SLICE_MS } from './FrameQueue.ts';

/** Transaction origin of events the server itself writes (the `members` document). */
export const serverOrigin = Symbol('server');

/** A document in memory: its Y.Doc, awareness and connections. Knows nothing of sockets or auth. */
export class Room {
  private readonly presence: RoomAwareness;
  readonly conns = new Set<Connection>();
  private current: Y.Doc;
  /** The current doc's 'update' listener, attached only around the server's and the bus's writes. */
  private tap: UpdateTap;
  /** The policy's state of the current doc (its fold), made after each load. */
  private policyState: RoomState | undefined;
  /** Reads (read()) waiting for the room to be free of frames. */
  private readonly readers = new Set<(e: Error) => void>();
  private loading: Promise<void>;
  private state: RoomStatus = 'loading';
  /** Work waiting for the document to load or for a frame checked across turns, and those frames. */
  private readonly frames: FrameQueue;
  /** A frame is in the doc and its after-apply checks are not done (they may span turns). */
  private unconfirmed = false;
  private readonly compaction: Compaction;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly outbox: StoreQueue;
  /** Members' updates and the server's events, stored and then forwarded. */
  private readonly commits: Commits;
  /** With a bus: what this room hears from other instances, and frames waiting for it. */
  private readonly link: BusLink | undefined;
  private readonly held: HeldFrames | undefined;
  private readonly intake: UpdateIntake;

  constructor(
    readonly name: string,
    readonly kind: DocKind,
    private readonly docs: DocStore,
    private readonly options: RelayOptions,
    private readonly onUnload: (room: Room) => void,
    compactions: CompactionQueue,
    turn: TurnBudget,
  ) {
    this.current = new Y.Doc();
    this.frames = new FrameQueue(
      () => this.state,
      () => this.doc,
      turn,
      (conn, e) => this.frameFailed(conn, e),
    );
    this.tap = new UpdateTap(this.current, this.onUpdate);
    this.presence = new RoomAwareness(name, this.conns, options);
    this.outbox = new StoreQueue(docs, name);
    this.compaction = new Compaction(name, docs, options, compactions, {
      doc: () => {
        // A failed room's doc may be missing updates: never let it replace what is stored.
        if (this.state !== 'ready') throw new Error('room is not ready');
        // Another instance may have stored rows this doc has not heard of yet; a frame applied but still
        // being checked is in the doc, not stored, and may yet be refused: merge the rows instead.
        return this.options.bus || this.unconfirmed ? undefined : this.doc;
      },
      stored: () => this.outbox.pending,
    });
    this.commits = new Commits(name, this.conns, this.outbox, options, {
      appended: () => this.compaction.appended(this.state === 'ready'),
      reload: (unsent) => this.reload(unsent),
      whenReady: (run) => this.frames.whenReady(run),
      refuse: (conn, code, reason) => this.refuse(conn, code, reason),
      fail: (reason) => this.fail(reason),
    });
    if (options.bus) {
      this.link = new BusLink(options.bus, name, docs, options, this.frames, this.presence, {
        status: () => this.state,
        doc: () => this.doc,
        tap: () => this.tap,
        handle: (conn, frame) => this.handleOwnFrame(conn, frame),
      });
      this.held = this.link.held;
    } else {
      // One instance: only the phone itself can bring items its update builds on, in its SyncStep2.
      this.held = new HeldFrames(
        options.crossInstanceWaitMs ?? 3000,
        (conn) => this.frames.whenReady(() => this.held?.resume(conn, true)),
        (conn, frame) => this.handleOwnFrame(conn, frame),
        (conn, reason) => reason === RejectReason.Unresolved && !conn.sentStep2,
      );
    }
    const room = this;
    this.intake = new UpdateIntake(
      {
        name,
        kind,
        // Read at each frame: a reload replaces the doc and its policy state.
        get doc() {
          return room.doc;
        },
        get rules() {
          return room.rules;
        },
        held: this.held,
        setUnconfirmed: (on) => {
          this.unconfirmed = on;
        },
        refuse: (conn, code, reason) => this.refuse(conn, code, reason),
        failed: (conn, e) => this.frameFailed(conn, e),
        reload: () => this.reload(),
        receiveAgain: (conn, frame) => this.receiveNow(conn, frame),
      },
      options,
      this.commits,
    );
    this.loading = this.load();
  }

  get awareness(): RoomAwareness['awareness'] {
    return this.presence.awareness;
  }

  /** The document as stored; replaced by a fresh load when an update fails to apply. */
  get doc(): Y.Doc {
    return this.current;
  }

  /** The policy's state of the loaded document, for the policy's checks. */
  get rules(): RoomState | undefined {
    return this.policyState;
  }

  /** Settles once the document is loaded (again, after a reload). */
  get ready(): Promise<void> {
    return this.loading;
  }

  /** `known`: the state vector of the doc a reload dropped; what storage holds beyond it goes out. */
  private async load(known?: Uint8Array): Promise<void> {
    try {
      // Joined before reading storage: what another instance stores meanwhile comes through the bus.
      await this.link?.join();
      // What is still being stored belongs in the load.
      await this.outbox.pending;
      const rows = await applyStored(this.docs, this.name, this.doc, { wanted: () => this.state === 'loading' });
      if (this.state === 'closed') return;
      this.compaction.loaded(rows, this.doc);
      this.policyState = this.options.policy.attach?.(this.doc, this.kind);
    } catch (e) {
      this.options.log('error', 'room load failed', { room: this.name, error: String(e) });
      this.fail('could not load this document');
      throw e;
    }
    this.state = 'ready';
    for (const conn of this.conns) this.greet(conn);
    // With a bus, storage may hold what another instance stored and the dropped doc never had.
    if (known && this.options.bus) this.commits.broadcast(encodeUpdate(Y.encodeStateAsUpdate(this.doc, known)));
    this.frames.drain();
    this.compaction.maybe(true);
  }

  /**
   * Drops a doc an update left in a state the relay cannot vouch for and loads what storage holds,
   * which never got that update. Connections stay; frames wait in order until it is loaded.
   * `unsent`: an update in the doc that was never forwarded (storage refused it).
   */
  private reload(unsent?: Uint8Array): void {
    if (this.state !== 'ready') return;
    this.state = 'loading';
    this.detachPolicy();
    const known = sentBefore(this.doc, unsent);
    this.doc.destroy();
    this.current = new Y.Doc();
    this.tap = new UpdateTap(this.current, this.onUpdate);
    this.loading = this.load(known);
    this.loading.catch(() => undefined);
  }

  join(conn: Connection): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.conns.add(conn);
    // A loading room greets everyone once loaded; a busy one once the frame it checks is done.
    if (this.state === 'ready') this.frames.whenReady(() => this.conns.has(conn) && this.greet(conn));
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.held?.take(conn);
    this.presence.left(conn);
    if (this.conns.size === 0) this.scheduleUnload();
  }

  /** A frame from a connection; frames of a room are handled strictly in order. */
  receive(conn: Connection, data: Uint8Array): void {
    this.frames.whenReady(() => this.receiveNow(conn, data));
  }

  private receiveNow(conn: Connection, data: Uint8Array): void {
    if (!this.held?.has(conn)) this.handleOwnFrame(conn, data);
    else if (isSyncStep2(data)) {
      // A phone back online sends an update the moment its socket opens, ahead of its answer to our
      // SyncStep1, which carries what it wrote offline and the update builds on: the answer goes
      // first, then the frames held for it are tried again (with one instance, for the last time).
      this.handleOwnFrame(conn, data);
      this.frames.whenReady(() => this.held?.resume(conn, !this.link));
    } else if (!this.link && isSyncStep1(data)) {
      // One instance: a phone asks nothing between its first SyncStep1 and its answer to ours. A
      // question now ends the wait: the held frames have their last try, then it is answered.
      this.held.resume(conn, true);
      this.receiveNow(conn, data);
    } else if (!this.held.add(conn, data)) this.refuse(conn, CloseCode.RateLimited, 'too many updates waiting');
  }

  /**
   * Reads the loaded document and the policy's state of it, between frames (never half-way through
   * a frame's checks). A room nobody is connected to leaves memory as after a visit.
   */
  read<T>(read: (doc: Y.Doc, rules: RoomState | undefined) => T): Promise<T> {
    return this.ready.then(
      () =>
        new Promise<T>((resolve, reject) => {
          if (this.state === 'closed') return reject(new Error('the room was closed'));
          // A room dropped while the read waits behind a frame never runs it: destroy() says so.
          this.readers.add(reject);
          this.frames.whenReady(() => {
            this.readers.delete(reject);
            try {
              resolve(read(this.doc, this.policyState));
            } catch (e) {
              reject(e);
            }
            if (this.conns.size === 0) this.scheduleUnload();
          });
        }),
    );
  }

  /** Appends events as the server (the `members` document); stored and forwarded like any update. */
  appendServerEvents(events: readonly ServerEvent[]): void {
    this.frames.whenReady(() => {
      this.tap.run(() =>
        this.doc.transact(() => this.doc.getArray<ServerEvent>('events').push([...events]), serverOrigin),
      );
      if (this.conns.size === 0) this.scheduleUnload();
    });
  }

  private greet(conn: Connection): void {
    conn.send(encodeSyncStep1(this.doc));
    const present = this.presence.all();
    if (present) conn.send(present);
  }

  /** Whatever goes wrong with a frame is its sender's alone. */
  private handleOwnFrame(conn: Connection, data: Uint8Array): void {
    // Held frames come back here when retried: behind a busy frame they wait their turn, keeping their wait.
    const retried = this.held?.retrying;
    if (this.frames.busy) {
      this.frames.push(() =>
        this.held?.has(conn) ? this.receiveNow(conn, data) : this.handleRetried(conn, data, retried),
      );
      return;
    }
    this.handleRetried(conn, data, retried);
  }

  private handleRetried(conn: Connection, data: Uint8Array, retried: HeldFrames['retrying']): void {
    try {
      this.handle(conn, data, retried);
    } catch (e) {
      this.frameFailed(conn, e);
    }
  }

  /** The relay's own code threw on a frame: a bug, not the sender's fault; the phone keeps its copy and retries. */
  private frameFailed(conn: Connection, e: unknown): void {
    this.options.log('error', 'frame failed', { room: this.name, error: String(e) });
    this.refuse(conn, CloseCode.ServerError, 'the relay failed on this message; try again later');
  }

  private handle(conn: Connection, data: Uint8Array, retried: HeldFrames['retrying']): void {
    if (conn.closed) return;
    let message: ReturnType<typeof decodeMessage>;
    try {
      message = decodeMessage(data);
    } catch (e) {
      this.refuse(conn, CloseCode.BadMessage, `malformed message: ${(e as Error).message}`);
      return;
    }
    switch (message.kind) {
      case 'step1': {
        let answer: Uint8Array;
        try {
          answer = encodeSyncStep2(this.doc, message.stateVector);
        } catch (e) {
          this.refuse(conn, CloseCode.BadMessage, `${RejectReason.Malformed}: state vector: ${(e as Error).message}`);
          return;
        }
        conn.send(answer);
        // Answering every later SyncStep1 with ours lets a client learn what we hold (its unsent count).
        if (conn.answeredFirstStep1) conn.send(encodeSyncStep1(this.doc));
        conn.answeredFirstStep1 = true;
        return;
      }
      case 'step2':
        conn.sentStep2 = true;
        this.frames.work(conn, this.intake.take(conn, message.update, data, retried), data.byteLength, () =>
          this.receiveNow(conn, data),
        );
        return;
      case 'update':
        this.frames.work(conn, this.intake.take(conn, message.update, data, retried), data.byteLength, () =>
          this.receiveNow(conn, data),
        );
        return;
      case 'awareness':
        try {
          this.presence.fromConnection(conn, message.update);
        } catch (e) {
          this.refuse(conn, CloseCode.BadMessage, `malformed awareness: ${(e as Error).message}`);
        }
        return;
      case 'query-awareness':
        conn.send(this.presence.all(true));
        return;
    }
  }

  private refuse(conn: Connection, code: number, reason: string): void {
    this.options.log('warn', 'connection refused', { room: this.name, member: conn.member.memberId, code, reason });
    conn.close(code, reason);
  }

  /** What the tap hears: the server's events are stored, another instance's forwarded; members' updates commit in UpdateIntake. */
  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === busOrigin) this.commits.broadcast(encodeUpdate(update));
    else if (origin === serverOrigin) this.commits.commit(update, origin);
  };

  private scheduleUnload(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.unload(), this.options.idleMs);
    this.idleTimer.unref?.();
  }

  /** Leaves memory after a final flush, if still idle. */
  async unload(): Promise<void> {
    if (this.conns.size > 0 || this.state === 'closed') return;
    await this.ready.catch(() => undefined);
    await this.compaction.settle();
    if (this.conns.size > 0) return;
    this.destroy();
  }

  /** Drops the room without storing anything more (storage failed): clients reconnect and reload. */
  private fail(reason: string): void {
    for (const conn of [...this.conns]) conn.close(CloseCode.ServerError, reason);
    this.destroy();
  }

  private detachPolicy(): void {
    this.policyState?.detach();
    this.policyState = undefined;
  }

  destroy(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.idleTimer);
    for (const reject of this.readers) reject(new Error('the room was closed'));
    this.readers.clear();
    this.held?.clear();
    this.link?.leave();
    this.presence.destroy();
    this.detachPolicy();
    this.doc.destroy();
    this.onUnload(this);
  }
}
