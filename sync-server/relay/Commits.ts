import * as Y from 'yjs';
import { closeCodeOf, RejectReason, RuleError } from '../../shared/errors.ts';
import type { AppendResult } from '../storage/Storage.ts';
import type { Connection } from './Connection.ts';
import { encodeUpdate } from './protocol.ts';
import type { StoreQueue } from './StoreQueue.ts';
import type { RelayOptions } from './types.ts';

/** A member's frame storage may send back: handled once more, by `again`, after a reload. */
export interface Retry {
  frame: Uint8Array;
  again: () => void;
}

/** What a room's commits ask of the room. */
export interface CommitRoom {
  /** An update went to storage: counts towards the room's next compaction. */
  appended(): void;
  /** Drops the doc and loads what storage holds; `unsent`: the update in it that was never forwarded. */
  reload(unsent: Uint8Array): void;
  /** Runs `run` once the room is loaded and no other work waits. */
  whenReady(run: () => void): void;
  refuse(conn: Connection, code: number, reason: string): void;
  /** Storage failed: the room is dropped. */
  fail(reason: string): void;
}

/**
 * A room's changes on their way out: members' updates and the server's own events are stored, and
 * forwarded only once storage has them. With shared storage, storage may answer that another instance
 * stored one of their events first; the room then loads what storage holds, and the member's frame is
 * handled once more or refused. Another instance's updates, stored already, are only forwarded.
 */
export class Commits {
  /** Frames handled again because another instance stored an event of theirs first: never twice. */
  readonly #storedFirst = new WeakSet<Uint8Array>();

  constructor(
    private readonly name: string,
    private readonly conns: ReadonlySet<Connection>,
    private readonly outbox: StoreQueue,
    private readonly options: Pick<RelayOptions, 'bus' | 'log'>,
    private readonly room: CommitRoom,
  ) {}

  /** Storage said another instance stored an event of this frame first, once already. */
  storedFirst(frame: Uint8Array): boolean {
    return this.#storedFirst.has(frame);
  }

  /** A change to the doc: store it, then forward it (as `message` when given) to everyone but its sender. */
  commit(
    update: Uint8Array,
    origin: unknown,
    eventIds?: readonly string[],
    message = encodeUpdate(update),
    retry?: Retry,
  ): void {
    const forward = (result: AppendResult) => {
      if (result) this.#storedElsewhere(origin, result.duplicate, update, retry);
      else {
        this.broadcast(message, origin);
        this.options.bus?.publish(this.name, 'update', update);
      }
    };
    const failed = (e: unknown) => {
      this.options.log('error', 'append failed', { room: this.name, error: String(e) });
      this.room.fail('could not store an update');
    };
    if (this.outbox.push(update, eventIds, forward, failed)) this.room.appended();
  }

  broadcast(message: Uint8Array, except?: unknown): void {
    for (const conn of this.conns) if (conn !== except) conn.send(message);
  }

  /**
   * Another instance stored an event with this id first. Often it stored this very update: a phone
   * whose instance died between storing its write and publishing it sends it again here. So the room
   * loads what storage holds and handles the frame once more; only if it still claims an id stored
   * under other content is it refused (by the fold, as any duplicate), or by storage the second time.
   */
  #storedElsewhere(origin: unknown, id: string, update: Uint8Array, retry: Retry | undefined): void {
    const conn = origin as Connection;
    if (!retry || !this.conns.has(conn) || conn.closed) {
      this.#refuseStored(origin, id, update);
      return;
    }
    this.options.log('info', 'stored first by another instance: loading it and handling the frame again', {
      room: this.name,
      eventId: id,
    });
    this.#storedFirst.add(retry.frame);
    this.room.reload(update);
    this.room.whenReady(retry.again);
  }

  /** Another instance stored an event with this id first: the update is refused where it landed. */
  #refuseStored(origin: unknown, id: string, update: Uint8Array): void {
    const refusal = new RuleError(
      { reason: RejectReason.CausalRule, anomaly: { code: 'duplicate_id' } },
      `${id}: duplicate_id`,
    );
    this.options.log('warn', 'refused by storage', { room: this.name, error: refusal.message });
    if (this.conns.has(origin as Connection))
      this.room.refuse(origin as Connection, closeCodeOf(refusal.reason), refusal.message);
    this.room.reload(update);
  }
}

/**
 * The doc's state vector less an update it holds but never forwarded: after a reload, what storage
 * holds beyond it goes out. Another instance may have stored that very update (the same items), which
 * the reloaded doc then holds under the same clocks: its phones never had it.
 */
export function sentBefore(doc: Y.Doc, unsent: Uint8Array | undefined): Uint8Array {
  if (!unsent) return Y.encodeStateVector(doc);
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.parseUpdateMeta(unsent).from) {
    known.set(client, Math.min(known.get(client) ?? 0, clock));
  }
  return Y.encodeStateVector(known);
}
