import type { Member } from '../../shared/roles.ts';
import type { DocRef } from '../../shared/rooms.ts';

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
}

export interface RelayOptions {
  limits: RelayLimits;
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
