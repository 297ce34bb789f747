import { CloseCode } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocRef } from '../../shared/rooms.ts';
import { AwarenessLimit } from '../limits/AwarenessLimit.ts';
import { TokenBucket } from '../limits/TokenBucket.ts';
import type { Room } from './Room.ts';
import type { RelayLimits, RelaySocket } from './types.ts';

/** One member's socket in one room, with its limits. */
export class Connection {
  /** Awareness client ids this connection has announced; removed when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Whether the client has already had our SyncStep1 for its first SyncStep1. */
  answeredFirstStep1 = false;
  /**
   * Whether the client has sent a SyncStep2, its answer to our SyncStep1 with what it wrote while
   * away. Until then an update it sends may build on items only that answer carries.
   */
  sentStep2 = false;
  closed = false;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly awarenessLimit: AwarenessLimit;

  constructor(
    readonly socket: RelaySocket,
    readonly member: Member,
    readonly doc: DocRef,
    readonly room: Room,
    private readonly limits: RelayLimits,
    private readonly onClosed: (conn: Connection) => void,
    /** Charges a frame's bytes to the member's budget across connections; false when it is spent. */
    private readonly chargeMember?: (bytes: number) => boolean,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    this.awarenessLimit = new AwarenessLimit(limits.awarenessStateBytes, limits.awarenessClients);
  }

  /** A frame from the socket: limits first, then the room handles it in order. */
  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (data.byteLength > this.limits.maxFrameBytes) {
      this.close(CloseCode.TooLarge, `frame of ${data.byteLength} bytes is over ${this.limits.maxFrameBytes}`);
      return;
    }
    if (!this.messages.take(1) || !this.bytes.take(data.byteLength)) {
      this.close(CloseCode.RateLimited, 'too many messages, slow down');
      return;
    }
    // Refused frames cost as much to read as accepted ones: every frame counts.
    if (this.chargeMember && !this.chargeMember(data.byteLength)) {
      this.close(CloseCode.RateLimited, 'this member is sending too much, slow down');
      return;
    }
    // Awareness is re-broadcast to everyone: what one connection may put there is capped.
    const refusal = this.awarenessLimit.check(data, this.room.awareness);
    if (refusal) {
      this.close(refusal.code, refusal.reason);
      return;
    }
    this.room.receive(this, data);
  }

  send(data: Uint8Array): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.RateLimited, 'connection too slow to keep up');
      return;
    }
    try {
      this.socket.send(data);
    } catch {
      this.close(CloseCode.ServerError, 'send failed');
    }
  }

  /** Closes the socket with a named code; safe to call more than once. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // Close reasons are limited to 123 bytes by the websocket protocol.
      this.socket.close(code, truncateUtf8(reason, 120));
    } catch {
      // The socket is already gone; the room still has to forget it.
    }
    this.socketClosed();
  }

  /** The socket went away (closed by the peer or by us). */
  socketClosed(): void {
    this.closed = true;
    this.room.leave(this);
    this.onClosed(this);
  }
}

function truncateUtf8(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= max) return s;
  return new TextDecoder().decode(bytes.slice(0, max)).replace(/\uFFFD$/, '');
}
