import type * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import type { ServerEvent } from '../../shared/events/member.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocRef } from '../../shared/rooms.ts';
import { roomName } from '../../shared/rooms.ts';
import { KeyedLimiter } from '../limits/KeyedLimiter.ts';
import type { DocStore } from '../storage/Storage.ts';
import { CompactionQueue } from './CompactionQueue.ts';
import { Connection } from './Connection.ts';
import { FRAME_SLICE_MS, Room } from './Room.ts';
import { RowMerger } from './RowMerger.ts';
import { TurnBudget } from './TurnBudget.ts';
import type { RelayOptions, RelaySocket, RoomState } from './types.ts';

/** All rooms of this process, the connections in them, and who holds which connection. */
export class Relay {
  private readonly rooms = new Map<string, Room>();
  private readonly byMember = new Map<string, Set<Connection>>();
  /** Each member's frame bytes and connects, kept across their connections (LRU by member). */
  private readonly memberBytes: KeyedLimiter | undefined;
  private readonly memberConnects: KeyedLimiter | undefined;
  /** Every room's compactions, one at a time, and the thread merging stored rows for them. */
  private readonly compactions: CompactionQueue;
  /** What every room's frame checks may take of one turn. */
  private readonly turn: TurnBudget;
  /** Called each time the last room has left memory. */
  onIdle: (() => void) | undefined;
  /** Set by close(): a phone that reconnects while the rooms flush is sent away, not let in. */
  private closing = false;

  constructor(
    private readonly docs: DocStore,
    readonly options: RelayOptions,
  ) {
    options.bus?.onDisconnect((memberId, code, reason) => this.closeMember(memberId, code, reason));
    this.turn = new TurnBudget(options.frameSliceMs ?? FRAME_SLICE_MS);
    const merger = new RowMerger((e) => options.log('error', 'merge worker failed', { error: String(e) }));
    this.compactions = new CompactionQueue(merger);
    const member = options.limits.member;
    if (member) {
      this.memberBytes = new KeyedLimiter(member.bytesPerSecond, member.byteBurst);
      this.memberConnects = new KeyedLimiter(member.connectsPerMinute / 60, member.connectBurst);
    }
  }

  /** Opens a connection of `member` to a document; undefined (socket closed) if over a limit. */
  connect(socket: RelaySocket, member: Member, doc: DocRef): Connection | undefined {
    if (this.closing) {
      socket.close(CloseCode.GoingAway, 'server shutting down');
      return undefined;
    }
    const mine = this.byMember.get(member.memberId) ?? new Set<Connection>();
    if (mine.size >= this.options.limits.connectionsPerMember) {
      socket.close(CloseCode.RateLimited, 'too many connections for this member');
      return undefined;
    }
    if (this.memberConnects && !this.memberConnects.take(member.memberId)) {
      socket.close(CloseCode.RateLimited, 'reconnecting too often, wait a moment');
      return undefined;
    }
    const room = this.room(roomName(member.compoundId, doc.name), doc);
    const budget = this.memberBytes;
    const charge = budget ? (bytes: number) => budget.take(member.memberId, bytes) : undefined;
    const conn = new Connection(socket, member, doc, room, this.options.limits, (c) => this.forget(c), charge);
    mine.add(conn);
    this.byMember.set(member.memberId, mine);
    room.join(conn);
    return conn;
  }

  /** Closes every open connection of a member at once (revocation), on every instance. */
  disconnectMember(memberId: string, code: number, reason: string): number {
    this.options.bus?.disconnect(memberId, code, reason);
    return this.closeMember(memberId, code, reason);
  }

  private closeMember(memberId: string, code: number, reason: string): number {
    return this.closeWhere(memberId, () => ({ code, reason }));
  }

  /** The members with connections on this instance. */
  connectedMembers(): string[] {
    return [...this.byMember.keys()];
  }

  /** Closes each connection of a member for which `why` (given the member as it was admitted) gives a close. */
  closeWhere(memberId: string, why: (admitted: Member) => { code: number; reason: string } | undefined): number {
    let closed = 0;
    for (const conn of [...(this.byMember.get(memberId) ?? [])]) {
      const close = why(conn.member);
      if (!close) continue;
      conn.close(close.code, close.reason);
      closed++;
    }
    return closed;
  }

  /** Appends server-written events to a document, loading it if needed. */
  async appendServerEvents(compoundId: string, doc: DocRef, events: readonly ServerEvent[]): Promise<void> {
    const room = this.room(roomName(compoundId, doc.name), doc);
    await room.ready;
    room.appendServerEvents(events);
  }

  /** Reads a document's room (loaded for it if not in memory) between its frames: see Room.read. */
  read<T>(compoundId: string, doc: DocRef, read: (doc: Y.Doc, rules: RoomState | undefined) => T): Promise<T> {
    // Shutting down: no room is loaded after the rooms were flushed.
    if (this.closing) return Promise.reject(new Error('the server is shutting down'));
    return this.room(roomName(compoundId, doc.name), doc).read(read);
  }

  /** The room of a document, created (and loading) if not in memory. */
  room(name: string, doc: DocRef): Room {
    let room = this.rooms.get(name);
    if (!room) {
      const onUnload = (r: Room) => {
        if (this.rooms.get(r.name) === r) this.rooms.delete(r.name);
        if (this.rooms.size === 0) this.onIdle?.();
      };
      room = new Room(name, doc.kind, this.docs, this.options, onUnload, this.compactions, this.turn);
      room.ready.catch(() => undefined);
      this.rooms.set(name, room);
    }
    return room;
  }

  /** Merges of stored rows the merge worker answered (for tests and monitoring). */
  get rowMerges(): number {
    return this.compactions.merger.merged;
  }

  stats(): { rooms: number; connections: number } {
    let connections = 0;
    for (const set of this.byMember.values()) connections += set.size;
    return { rooms: this.rooms.size, connections };
  }

  /** Closes every connection and unloads every room after a final flush. */
  async close(): Promise<void> {
    this.closing = true;
    for (const set of [...this.byMember.values()]) {
      for (const conn of [...set]) conn.close(CloseCode.GoingAway, 'server shutting down');
    }
    await Promise.all([...this.rooms.values()].map((r) => r.unload()));
    await this.compactions.merger.close();
  }

  private forget(conn: Connection): void {
    const set = this.byMember.get(conn.member.memberId);
    if (!set) return;
    set.delete(conn);
    if (set.size === 0) this.byMember.delete(conn.member.memberId);
  }
}
