import * as Y from 'yjs';
import { CloseCode, closeCodeOf, RejectReason, RuleError } from '../../shared/errors.ts';
import type { ServerEvent } from '../../shared/events/member.ts';
import type { DocKind } from '../../shared/rooms.ts';
import { isSteps, type Steps } from '../../shared/steps.ts';
import type { AppendResult, DocStore } from '../storage/Storage.ts';
import { applyStored } from './applyStored.ts';
import { applyWhole } from './applyWhole.ts';
import { Compaction } from './Compaction.ts';
import type { CompactionQueue } from './CompactionQueue.ts';
import type { Connection } from './Connection.ts';
import { FrameQueue, type RoomStatus } from './FrameQueue.ts';
import { HeldFrames } from './HeldFrames.ts';
import { decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate, updateMessage } from './protocol.ts';
import { RoomAwareness } from './RoomAwareness.ts';
import { StoreQueue } from './StoreQueue.ts';
import type { TurnBudget } from './TurnBudget.ts';
import type { BusListener, Checked, RelayOptions, RoomState } from './types.ts';
import { UpdateTap } from './UpdateTap.ts';

export { FRAME_SLICE_MS } from './FrameQueue.ts';

/** Transaction origin of events the server itself writes (the `members` document). */
export const serverOrigin = Symbol('server');
/** Transaction origin of what another instance stored: forwarded here, never stored again. */
const busOrigin = Symbol('bus');

/** A document in memory: its Y.Doc, awareness and connections. Knows nothing of sockets or auth. */
export class Room {
  private readonly presence: RoomAwareness;
  readonly conns = new Set<Connection>();
  private current: Y.Doc;
  /** The current doc's 'update' listener, attached only around the server's and the bus's writes. */
  private tap: UpdateTap;
  /** The policy's state of the current doc (its fold), made after each load. */
  private policyState: RoomState | undefined;
  private loading: Promise<void>;
  private state: RoomStatus = 'loading';
  /** Work waiting for the document to load or for a frame checked across turns, and those frames. */
  private readonly frames: FrameQueue;
  /** Frames handled again because another instance stored an event of theirs first: never twice. */
  private readonly storedFirst = new WeakSet<Uint8Array>();
  /** A frame is in the doc and its after-apply checks are not done (they may span turns). */
  private unconfirmed = false;
  private readonly compaction: Compaction;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly outbox: StoreQueue;
  /** With a bus: what this room hears from other instances, and frames waiting for it. */
  private readonly listener: BusListener | undefined;
  private readonly held: HeldFrames | undefined;
  private joined = false;

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
    if (options.bus) {
      this.listener = {
        update: (u) => this.frames.whenReady(() => this.applyRemote(u)),
        awareness: (u) => this.state !== 'closed' && this.presence.fromBus(u),
        gap: () => void this.catchUp(),
      };
      this.held = new HeldFrames(
        options.crossInstanceWaitMs ?? 3000,
        (conn) => void this.expire(conn),
        (conn, frame) => this.handleOwnFrame(conn, frame),
      );
    }
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
      if (this.options.bus && this.listener && !this.joined) {
        await this.options.bus.join(this.name, this.listener);
        this.joined = true;
      }
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
    if (known && this.options.bus) this.broadcast(encodeUpdate(Y.encodeStateAsUpdate(this.doc, known)));
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
    else if (!this.held.add(conn, data)) this.refuse(conn, CloseCode.RateLimited, 'too many updates waiting');
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

  private frameFailed(conn: Connection, e: unknown): void {
    this.options.log('error', 'frame failed', { room: this.name, error: String(e) });
    this.refuse(conn, CloseCode.BadMessage, `${RejectReason.Malformed}: ${(e as Error).message}`);
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
      case 'update':
        this.frames.work(conn, this.applyFrom(conn, message.update, data, retried), data.byteLength, () =>
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

  /** `retried`: the frame was held and this is another try (its deadline, whether it is the last). */
  private *applyFrom(
    conn: Connection,
    update: Uint8Array,
    frame: Uint8Array,
    retried: HeldFrames['retrying'],
  ): Steps<void> {
    let checked: Checked;
    try {
      const decided = this.options.policy.check(update, conn.member, this);
      checked = isSteps(decided) ? yield* decided : decided;
      if (!checked.changed) return;
    } catch (e) {
      // A policy that throws anything else has a bug; the update is still only its sender's problem.
      const refusal = e instanceof RuleError ? e : new RuleError(RejectReason.Malformed, `unchecked: ${String(e)}`);
      // It may build on, or carry, what another instance accepted a moment ago: wait for it, within bounds.
      if (this.held?.wait(conn, frame, refusal.reason, retried)) return;
      this.refuse(conn, closeCodeOf(refusal.reason), refusal.message);
      return;
    }
    let applied: Uint8Array[] | RuleError;
    try {
      this.unconfirmed = true;
      applied = yield* applyWhole(this.doc, update, conn, checked);
    } catch (e) {
      // Only a bug gets here; the doc may hold part of the update, so it is loaded again.
      applied = new RuleError(RejectReason.Malformed, `could not apply: ${String(e)}`);
    } finally {
      this.unconfirmed = false;
    }
    if (!(applied instanceof RuleError)) {
      const message = checked.exact ? updateMessage(frame, update) : undefined;
      // Storage may say another instance stored an event of it first: handled once more after a reload.
      const again = this.storedFirst.has(frame) ? undefined : () => this.receiveNow(conn, frame);
      for (const [i, u] of applied.entries()) {
        if (i > 0) this.commit(u, conn, undefined, message);
        else this.commit(u, conn, checked.eventIds, message, again && { frame, again });
      }
      return;
    }
    const failure = applied;
    // A causal rule broken where the update landed is a refusal like any other; the rest is a bug.
    const level = failure.reason === RejectReason.CausalRule ? 'warn' : 'error';
    this.options.log(level, 'refused after apply', { room: this.name, error: failure.message });
    this.refuse(conn, closeCodeOf(failure.reason), failure.message);
    this.reload();
  }

  private refuse(conn: Connection, code: number, reason: string): void {
    this.options.log('warn', 'connection refused', { room: this.name, member: conn.member.memberId, code, reason });
    conn.close(code, reason);
  }

  /** What the tap hears: the server's events are stored, another instance's forwarded; members' updates commit in applyFrom. */
  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === busOrigin) this.broadcast(encodeUpdate(update));
    else if (origin === serverOrigin) this.commit(update, origin);
  };

  /**
   * Another instance stored an event with this id first. Often it stored this very update: a phone
   * whose instance died between storing its write and publishing it sends it again here. So the room
   * loads what storage holds and handles the frame once more; only if it still claims an id stored
   * under other content is it refused (by the fold, as any duplicate), or by storage the second time.
   */
  private storedElsewhere(
    origin: unknown,
    id: string,
    update: Uint8Array,
    retry: { frame: Uint8Array; again: () => void } | undefined,
  ): void {
    const conn = origin as Connection;
    if (!retry || !this.conns.has(conn) || conn.closed) {
      this.refuseStored(origin, id, update);
      return;
    }
    this.options.log('info', 'stored first by another instance: loading it and handling the frame again', {
      room: this.name,
      eventId: id,
    });
    this.storedFirst.add(retry.frame);
    this.reload(update);
    this.frames.whenReady(retry.again);
  }

  /** Another instance stored an event with this id first: the update is refused where it landed. */
  private refuseStored(origin: unknown, id: string, update: Uint8Array): void {
    const refusal = new RuleError(
      { reason: RejectReason.CausalRule, anomaly: { code: 'duplicate_id' } },
      `${id}: duplicate_id`,
    );
    this.options.log('warn', 'refused by storage', { room: this.name, error: refusal.message });
    if (this.conns.has(origin as Connection))
      this.refuse(origin as Connection, closeCodeOf(refusal.reason), refusal.message);
    this.reload(update);
  }

  private broadcast(message: Uint8Array, except?: unknown): void {
    for (const conn of this.conns) if (conn !== except) conn.send(message);
  }

  /** A change to the doc: store it, then forward it (as `message` when given) to everyone but its sender. */
  private commit(
    update: Uint8Array,
    origin: unknown,
    eventIds?: readonly string[],
    message = encodeUpdate(update),
    retry?: { frame: Uint8Array; again: () => void },
  ): void {
    const forward = (result: AppendResult) => {
      if (result) this.storedElsewhere(origin, result.duplicate, update, retry);
      else {
        this.broadcast(message, origin);
        this.options.bus?.publish(this.name, 'update', update);
      }
    };
    const failed = (e: unknown) => {
      this.options.log('error', 'append failed', { room: this.name, error: String(e) });
      this.fail('could not store an update');
    };
    if (this.outbox.push(update, eventIds, forward, failed)) this.compaction.appended(this.state === 'ready');
  }

  /** Another instance's stored update: applied and forwarded here, then waiting frames retried. */
  private applyRemote(update: Uint8Array): void {
    try {
      this.tap.run(() => Y.applyUpdate(this.doc, update, busOrigin));
    } catch (e) {
      this.options.log('error', 'bus update failed', { room: this.name, error: String(e) });
    }
    this.held?.retryAll();
  }

  /** The bus missed something: whatever storage holds that this doc lacks is applied and forwarded. */
  private async catchUp(): Promise<void> {
    if (this.state !== 'ready') return;
    const doc = this.doc;
    const wanted = () => this.state === 'ready' && this.doc === doc;
    const close = this.tap.open();
    try {
      await applyStored(this.docs, this.name, doc, { origin: busOrigin, wanted, idle: this.frames.idle });
    } finally {
      close();
    }
    if (this.state === 'ready') this.held?.retryAll();
  }

  /** The wait is over: one last look in storage, then what still builds on unknown items is refused. */
  private async expire(conn: Connection): Promise<void> {
    await this.catchUp().catch((e) =>
      this.options.log('error', 'catch-up failed', { room: this.name, error: String(e) }),
    );
    this.held?.resume(conn, true);
  }

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
    this.held?.clear();
    if (this.joined && this.listener) this.options.bus?.leave(this.name, this.listener);
    this.presence.destroy();
    this.detachPolicy();
    this.doc.destroy();
    this.onUnload(this);
  }
}

/**
 * The doc's state vector less an update it holds but never forwarded: after a reload, what storage
 * holds beyond it goes out. Another instance may have stored that very update (the same items), which
 * the reloaded doc then holds under the same clocks: its phones never had it.
 */
function sentBefore(doc: Y.Doc, unsent: Uint8Array | undefined): Uint8Array {
  if (!unsent) return Y.encodeStateVector(doc);
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.parseUpdateMeta(unsent).from) {
    known.set(client, Math.min(known.get(client) ?? 0, clock));
  }
  return Y.encodeStateVector(known);
}
