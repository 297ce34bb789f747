import * as Y from 'yjs';
import type { DocStore } from '../storage/Storage.ts';
import { applyStored } from './applyStored.ts';
import type { Connection } from './Connection.ts';
import type { FrameQueue, RoomStatus } from './FrameQueue.ts';
import { HeldFrames } from './HeldFrames.ts';
import type { RoomAwareness } from './RoomAwareness.ts';
import type { BusListener, RelayOptions, RoomBus } from './types.ts';
import type { UpdateTap } from './UpdateTap.ts';

/** How long after a failed catch-up (storage unreachable) the room tries again. */
export const CATCH_UP_RETRY_MS = 1000;

/** Transaction origin of what another instance stored: forwarded here, never stored again. */
export const busOrigin = Symbol('bus');

/** What a room's link to the bus asks of the room. */
export interface LinkedRoom {
  status(): RoomStatus;
  doc(): Y.Doc;
  /** The current doc's tap: another instance's updates go out as the doc hears them. */
  tap(): UpdateTap;
  /** A held frame handled again, as any frame of the connection's. */
  handle(conn: Connection, frame: Uint8Array): void;
}

/**
 * A room's link to the other instances, with a bus: what it hears from them (their stored updates,
 * their connections' awareness, word that it missed some) and the frames waiting for them. A frame
 * that builds on items another instance accepted a moment ago waits (`HeldFrames`), is retried as
 * updates arrive, and is refused once its wait is over and storage holds nothing more either.
 */
export class BusLink {
  /** Frames waiting for what other instances stored. */
  readonly held: HeldFrames;
  /** What this room hears from other instances. */
  readonly #listener: BusListener;

  constructor(
    private readonly bus: RoomBus,
    private readonly name: string,
    private readonly docs: DocStore,
    private readonly options: Pick<RelayOptions, 'crossInstanceWaitMs' | 'log'>,
    private readonly frames: FrameQueue,
    presence: RoomAwareness,
    private readonly room: LinkedRoom,
  ) {
    this.#listener = {
      update: (u) => this.frames.whenReady(() => this.#applyRemote(u)),
      awareness: (u) => this.room.status() !== 'closed' && presence.fromBus(u),
      gap: () => this.#catchUpWhenReady(),
    };
    this.held = new HeldFrames(
      options.crossInstanceWaitMs ?? 3000,
      // Through the room's queue: a wait that ends while the doc (re)loads is checked once it has.
      (conn) => this.frames.whenReady(() => void this.#expire(conn)),
      (conn, frame) => this.room.handle(conn, frame),
    );
  }

  /**
   * Settles once the room's position in the bus is fixed: everything published after it comes here.
   * Joining again (a reload) changes nothing.
   */
  join(): Promise<void> {
    return this.bus.join(this.name, this.#listener);
  }

  /** Stops following the room, also if its join still waits for the bus. */
  leave(): void {
    this.bus.leave(this.name, this.#listener);
  }

  /** Another instance's stored update: applied and forwarded here, then waiting frames retried. */
  #applyRemote(update: Uint8Array): void {
    try {
      this.room.tap().run(() => Y.applyUpdate(this.room.doc(), update, busOrigin));
    } catch (e) {
      this.options.log('error', 'bus update failed', { room: this.name, error: String(e) });
    }
    this.held.retryAll();
  }

  /**
   * The bus missed something. Heard while the doc loads, it may be a row the load read too early:
   * the catch-up runs once the room is ready, and should storage fail, again a little later.
   */
  #catchUpWhenReady(): void {
    this.frames.whenReady(() => {
      this.#catchUp().catch((e) => {
        this.options.log('error', 'catch-up failed', { room: this.name, error: String(e) });
        if (this.room.status() === 'closed') return;
        setTimeout(() => this.#catchUpWhenReady(), CATCH_UP_RETRY_MS).unref?.();
      });
    });
  }

  /** Whatever storage holds that this doc lacks is applied and forwarded. */
  async #catchUp(): Promise<void> {
    if (this.room.status() !== 'ready') return;
    const doc = this.room.doc();
    const wanted = () => this.room.status() === 'ready' && this.room.doc() === doc;
    const close = this.room.tap().open();
    try {
      await applyStored(this.docs, this.name, doc, { origin: busOrigin, wanted, idle: this.frames.idle });
    } finally {
      close();
    }
    if (this.room.status() === 'ready') this.held.retryAll();
  }

  /** The wait is over: one last look in storage, then what still builds on unknown items is refused. */
  async #expire(conn: Connection): Promise<void> {
    await this.#catchUp().catch((e) =>
      this.options.log('error', 'catch-up failed', { room: this.name, error: String(e) }),
    );
    // A reload may have begun while storage was read: the last try waits for it too.
    this.frames.whenReady(() => this.held.resume(conn, true));
  }
}
