import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './Connection.ts';
import { encodeAwareness } from './protocol.ts';
import type { RelayOptions } from './types.ts';

/** Origin of awareness heard from another instance: forwarded here, not published again. */
const busOrigin = Symbol('bus awareness');

/** Who is present in a room: the connections' awareness states, shared with the other instances. */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;

  constructor(
    private readonly name: string,
    private readonly conns: ReadonlySet<Connection>,
    private readonly options: RelayOptions,
  ) {
    // Awareness gets a doc of its own: it outlives the room's doc when that is reloaded.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    // The relay is not a peer: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** Every state held, as one message; undefined when nobody is present, unless asked for anyway. */
  all(evenIfEmpty: true): Uint8Array;
  all(evenIfEmpty?: boolean): Uint8Array | undefined;
  all(evenIfEmpty = false): Uint8Array | undefined {
    const states = [...this.awareness.getStates().keys()];
    return states.length > 0 || evenIfEmpty ? encodeAwareness(this.awareness, states) : undefined;
  }

  /** Applies a connection's awareness update; throws on a malformed one. */
  fromConnection(conn: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
  }

  fromBus(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, busOrigin);
    } catch (e) {
      this.options.log('warn', 'bus awareness failed', { room: this.name, error: String(e) });
    }
  }

  /** A connection left: the states it brought go with it. */
  left(conn: Connection): void {
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }

  private onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = this.conns.has(origin as Connection) ? (origin as Connection) : undefined;
    if (conn) {
      for (const id of added) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    // Echo to the sender too: y-websocket 3 drops a socket that hears nothing for 30 s.
    const message = encodeAwareness(this.awareness, changed);
    for (const c of this.conns) c.send(message);
    if (origin !== busOrigin && this.options.bus) {
      this.options.bus.publish(
        this.name,
        'awareness',
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      );
    }
  };
}
