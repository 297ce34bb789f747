import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { CloseCode } from '../../shared/errors.ts';

/** y-websocket's message type of an awareness update. */
const AWARENESS_MESSAGE = 1;
const NULL_STATE = new TextEncoder().encode('null');

export interface AwarenessRefusal {
  code: CloseCode;
  reason: string;
}

interface Entry {
  clientId: number;
  clock: number;
  bytes: number;
  removal: boolean;
}

/**
 * The awareness caps of one connection: every state at most `stateBytes` of JSON, and at most
 * `clients` client ids brought into the room by this connection. The stock client echoes the
 * other phones' states back with the clocks they had; such entries change nothing and count for
 * nobody, exactly as `applyAwarenessUpdate` ignores them.
 */
export class AwarenessLimit {
  /** Client ids this connection brought into the room. */
  private readonly claimed = new Set<number>();

  constructor(
    private readonly stateBytes = 8 * 1024,
    private readonly clients = 4,
  ) {}

  /** Why `frame` breaks the caps; undefined if it is no awareness update, keeps them, or is malformed (the room says so). */
  check(frame: Uint8Array, awareness: Awareness): AwarenessRefusal | undefined {
    if (frame[0] !== AWARENESS_MESSAGE) return undefined;
    // Every entry is an id the room already knows, or one this connection may still claim.
    const most = awareness.meta.size + this.clients;
    let entries: Entry[] | 'too many';
    try {
      entries = readEntries(frame, most);
    } catch {
      return undefined;
    }
    if (entries === 'too many') {
      return { code: CloseCode.RateLimited, reason: `awareness update of more than ${most} states` };
    }
    const claims = new Set<number>();
    for (const e of entries) {
      if (e.bytes > this.stateBytes) {
        return { code: CloseCode.TooLarge, reason: `awareness state of ${e.bytes} bytes is over ${this.stateBytes}` };
      }
      if (this.claimed.has(e.clientId) || awareness.states.has(e.clientId)) continue;
      const known = awareness.meta.get(e.clientId);
      // The rule `applyAwarenessUpdate` follows: only a newer clock changes anything.
      if ((known?.clock ?? 0) >= e.clock) continue;
      // Removing a state the room has known costs nothing; anything else is a new id in its memory.
      if (e.removal && known) continue;
      claims.add(e.clientId);
    }
    if (this.claimed.size + claims.size > this.clients) {
      return { code: CloseCode.RateLimited, reason: `more than ${this.clients} awareness clients on one connection` };
    }
    for (const id of claims) this.claimed.add(id);
    return undefined;
  }
}

/** The entries of an awareness frame (y-protocols' encodeAwarenessUpdate), without parsing any state. */
function readEntries(frame: Uint8Array, most: number): Entry[] | 'too many' {
  const outer = decoding.createDecoder(frame);
  decoding.readVarUint(outer);
  const d = decoding.createDecoder(decoding.readVarUint8Array(outer));
  const count = decoding.readVarUint(d);
  if (count > most) return 'too many';
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = decoding.readVarUint8Array(d);
    const removal = state.length === NULL_STATE.length && state.every((b, j) => b === NULL_STATE[j]);
    entries.push({ clientId, clock, bytes: state.byteLength, removal });
  }
  return entries;
}
