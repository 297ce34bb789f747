import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** y-websocket message types (y-websocket/src/y-websocket.js). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;

export type Incoming =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'step2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** Decodes one frame of the y-websocket protocol; throws on anything else. */
export function decodeMessage(data: Uint8Array): Incoming {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: Incoming;
  switch (type) {
    case MessageType.Sync: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncProtocol.messageYjsSyncStep1) message = { kind: 'step1', stateVector: payload };
      else if (sub === syncProtocol.messageYjsSyncStep2) message = { kind: 'step2', update: payload };
      else if (sub === syncProtocol.messageYjsUpdate) message = { kind: 'update', update: payload };
      else throw new Error(`unknown sync message ${sub}`);
      break;
    }
    case MessageType.Awareness:
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      break;
    case MessageType.QueryAwareness:
      message = { kind: 'query-awareness' };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message');
  return message;
}

/** A sync frame's SyncStep1 (both numbers below 128 are one byte each), read without decoding it. */
export function isSyncStep1(data: Uint8Array): boolean {
  return data[0] === MessageType.Sync && data[1] === syncProtocol.messageYjsSyncStep1;
}

/** A sync frame's SyncStep2, read as `isSyncStep1`. */
export function isSyncStep2(data: Uint8Array): boolean {
  return data[0] === MessageType.Sync && data[1] === syncProtocol.messageYjsSyncStep2;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** The update message of `update`: `frame` itself when it is that message byte for byte. */
export function updateMessage(frame: Uint8Array, update: Uint8Array): Uint8Array {
  // Varints may be written longer than needed; only the shortest form is what encodeUpdate writes.
  let lengthBytes = 1;
  for (let n = update.byteLength; n > 127; n = Math.floor(n / 128)) lengthBytes++;
  const same =
    frame[0] === MessageType.Sync &&
    frame[1] === syncProtocol.messageYjsUpdate &&
    frame.byteLength === 2 + lengthBytes + update.byteLength;
  return same ? frame : encodeUpdate(update);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}
