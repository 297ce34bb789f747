import type * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import type { DocKind, DocRef } from '../../shared/rooms.ts';

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
}

/**
 * Decides whether a member's update may be applied to a room's document, without applying it.
 * Throws a RuleError (shared/errors.ts) to refuse it; the room closes the connection with the
 * matching close code. The relay itself knows no governance rules: the app passes them in.
 */
export interface UpdatePolicy {
  /** `changed` is false when the update adds nothing the document does not already have. */
  check(
    update: Uint8Array,
    member: Member,
    room: { readonly doc: Y.Doc; readonly kind: DocKind },
  ): { changed: boolean };
}

export interface RelayOptions {
  limits: RelayLimits;
  policy: UpdatePolicy;
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
