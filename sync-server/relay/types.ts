import type * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import type { DocKind, DocRef } from '../../shared/rooms.ts';
import type { Steps } from '../../shared/steps.ts';
import type { ValuesRead } from '../../shared/yjs/readAnyFast.ts';

/** The minimal socket the relay needs; the Hono/ws adapter is a thin file around it. */
export interface RelaySocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent, for back-pressure. */
  readonly bufferedAmount: number;
}

export interface RelayLimits {
  /** Largest frame accepted, in bytes. */
  maxFrameBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  /** Open connections one member may hold across all documents. */
  connectionsPerMember: number;
  /** A socket that has this much unsent is too slow to keep. */
  maxBufferedBytes: number;
  /** Largest awareness state of one client, in bytes of JSON (default 8 KiB). */
  awarenessStateBytes?: number;
  /** Awareness client ids one connection may bring into a room (default 4). */
  awarenessClients?: number;
  /**
   * What one member may send across all their connections, surviving reconnects: a closed
   * connection does not start a fresh bucket. Undefined: no per-member limit (load tests).
   */
  member?: MemberLimits;
}

export interface MemberLimits {
  /** Frame bytes a second, sustained; the burst lets a phone send a large offline backlog at once. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Sync connections opened a minute, sustained, and at once. */
  connectsPerMinute: number;
  connectBurst: number;
}

/** What a policy keeps per loaded document (a fold for its causal rules); made again on each load. */
export interface RoomState {
  /** The document is being dropped: stop following it. */
  detach(): void;
}

/** What the policy decided about an update it accepts. */
export interface Checked {
  /** False when the update adds nothing the document does not already have. */
  changed: boolean;
  /**
   * Runs once Yjs has applied the update, before anything is stored or forwarded: a RuleError
   * refuses it where it landed, and the room reloads its document from storage. In steps, the room
   * runs them across turns, holding the room's other frames until they end.
   */
  afterApply?: () => void | Steps<void>;
  /** Ids of the events it appends: with shared storage, the store refuses one another instance stored first. */
  eventIds?: readonly string[];
  /**
   * Applying the update adds all of it and nothing else: the room stores and forwards the bytes it
   * received instead of having Yjs encode the change again. Leave it unset when unsure.
   */
  exact?: boolean;
  /** JSON values the policy already read from the update, by offset: Yjs takes them instead of reading again. */
  values?: ValuesRead;
}

/**
 * Decides whether a member's update may be applied to a room's document, without applying it.
 * Throws a RuleError (shared/errors.ts) to refuse it; the room closes the connection with the
 * matching close code. The relay itself knows no governance rules: the app passes them in.
 * A policy may decide in steps (a generator): the room then spreads a large update over several
 * turns, so other rooms' frames are not held behind it; the room's own frames wait in order.
 */
export interface UpdatePolicy {
  /** Builds the policy's state of a document just loaded (undefined: it keeps none). */
  attach?(doc: Y.Doc, kind: DocKind): RoomState | undefined;
  check(
    update: Uint8Array,
    member: Member,
    room: { readonly doc: Y.Doc; readonly kind: DocKind; readonly rules: RoomState | undefined },
  ): Checked | Steps<Checked>;
}

/** What a room hears from the other instances through the bus. */
export interface BusListener {
  /** An update another instance stored and forwarded. */
  update(update: Uint8Array): void;
  /** An awareness update from a connection on another instance. */
  awareness(update: Uint8Array): unknown;
  /** Updates were missed (a jump in the room's sequence, or the bus reconnected): read storage. */
  gap(): void;
}

/**
 * Carries a room's stored updates and awareness between relay instances (several processes behind
 * one proxy). `join` settles once the room's position in the bus is fixed: everything published
 * after it reaches the listener, everything before it is in storage already.
 */
export interface RoomBus {
  join(room: string, listener: BusListener): Promise<void>;
  leave(room: string, listener: BusListener): void;
  /** Called only after the update is committed to storage. */
  publish(room: string, kind: 'update' | 'awareness', payload: Uint8Array): void;
  /** Asks every other instance to close a member's connections (revoked, or a new token). */
  disconnect(memberId: string, code: number, reason: string): void;
  /** Hears the other instances' `disconnect`. */
  onDisconnect(handler: (memberId: string, code: number, reason: string) => void): void;
  /**
   * Hears that other instances' `disconnect`s may have been missed (the bus reconnected, or its
   * read failed): the connections here are to be checked against storage again.
   */
  onMissed(handler: () => void): void;
  close(): Promise<void>;
}

export interface RelayOptions {
  limits: RelayLimits;
  policy: UpdatePolicy;
  /** Other instances' updates and awareness; absent: this process is the only relay. */
  bus?: RoomBus;
  /**
   * With a bus: how long an update that builds on items this instance has not yet heard of waits
   * for them (from the bus, then from storage) before it is refused as unresolved.
   */
  crossInstanceWaitMs?: number;
  /**
   * Longest a frame's checks run in one turn before the rest waits for a later turn (default
   * FRAME_SLICE_MS): other rooms' frames are handled in between.
   */
  frameSliceMs?: number;
  /** Compact a room's stored updates after this many appends. */
  compactEvery: number;
  /** A room with no connections leaves memory after this long. */
  idleMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface ConnectionInfo {
  member: Member;
  doc: DocRef;
}
