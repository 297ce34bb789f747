import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MessageType,
  updateMessage,
} from '../../../sync-server/relay/protocol.ts';

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

function docWithEvent(): Y.Doc {
  const doc = new Y.Doc();
  doc.getArray('events').push([{ id: 'e1', type: 'request.raised' }]);
  return doc;
}

describe('decoding one y-websocket frame', () => {
  it('reads the three sync messages with their payloads', () => {
    const doc = docWithEvent();
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(frame(MessageType.Sync, 0, sv))).toEqual({ kind: 'step1', stateVector: sv });
    expect(decodeMessage(frame(MessageType.Sync, 1, update))).toEqual({ kind: 'step2', update });
    expect(decodeMessage(frame(MessageType.Sync, 2, update))).toEqual({ kind: 'update', update });
  });

  it('reads an awareness update and a query for awareness', () => {
    const payload = new Uint8Array([1, 2, 3]);
    expect(decodeMessage(frame(MessageType.Awareness, payload))).toEqual({ kind: 'awareness', update: payload });
    expect(decodeMessage(frame(MessageType.QueryAwareness))).toEqual({ kind: 'query-awareness' });
  });

  it('reads back what the relay itself encodes', () => {
    const doc = docWithEvent();
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(encodeSyncStep1(doc))).toEqual({ kind: 'step1', stateVector: Y.encodeStateVector(doc) });
    expect(decodeMessage(encodeSyncStep2(doc, new Uint8Array([0]))).kind).toBe('step2');
    expect(decodeMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalStateField('user', { name: '王秀英' });
    const decoded = decodeMessage(encodeAwareness(awareness, [doc.clientID]));
    expect(decoded.kind).toBe('awareness');
    awareness.destroy();
  });

  it('refuses an unknown message type, the auth message it never uses, and an unknown sync message', () => {
    expect(() => decodeMessage(frame(7, 0))).toThrow(/unknown message type 7/);
    expect(() => decodeMessage(frame(MessageType.Auth, 0))).toThrow(/unknown message type 2/);
    expect(() => decodeMessage(frame(MessageType.Sync, 9, new Uint8Array([1])))).toThrow(/unknown sync message 9/);
  });

  it('refuses bytes after a whole message', () => {
    expect(() => decodeMessage(new Uint8Array([...frame(MessageType.QueryAwareness), 0]))).toThrow(/trailing bytes/);
    const update = Y.encodeStateAsUpdate(docWithEvent());
    expect(() => decodeMessage(new Uint8Array([...frame(MessageType.Sync, 2, update), 1, 2]))).toThrow(/trailing/);
  });

  it('refuses an empty frame and every truncation of a valid one', () => {
    expect(() => decodeMessage(new Uint8Array())).toThrow();
    const whole = frame(MessageType.Sync, 2, Y.encodeStateAsUpdate(docWithEvent()));
    for (let n = 0; n < whole.length; n++) {
      expect(() => decodeMessage(whole.subarray(0, n)), `first ${n} bytes`).toThrow();
    }
  });

  it('refuses a length prefix that promises more bytes than the frame has', () => {
    expect(() => decodeMessage(new Uint8Array([MessageType.Sync, 2, 0x85]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([MessageType.Awareness, 0xff, 0xff, 0xff, 0x7f]))).toThrow();
  });

  it('refuses varints that never end', () => {
    expect(() => decodeMessage(new Uint8Array(11).fill(0xff))).toThrow();
  });

  it('leaves checking the payload to its reader: garbage inside a well-framed update still decodes as a frame', () => {
    const garbage = new Uint8Array([1, 200, 3, 9, 9, 9, 9]);
    expect(decodeMessage(frame(MessageType.Sync, 2, garbage))).toEqual({ kind: 'update', update: garbage });
  });
});

describe('the update message forwarded for a received frame', () => {
  it('is the frame itself when it is the update message, byte for byte', () => {
    const update = Y.encodeStateAsUpdate(docWithEvent());
    const received = frame(MessageType.Sync, 2, update);
    expect(updateMessage(received, decodeUpdate(received))).toBe(received);
  });

  it('is encoded again for a SyncStep2 and for a length written longer than needed', () => {
    const update = Y.encodeStateAsUpdate(docWithEvent());
    const step2 = frame(MessageType.Sync, 1, update);
    expect(updateMessage(step2, decodeUpdate(step2))).toEqual(encodeUpdate(update));
    // The length as a two-byte varint when one byte would do.
    const long = new Uint8Array([MessageType.Sync, 2, 0x80 | update.length, 0x00, ...update]);
    expect(update.length).toBeLessThan(128);
    expect(decodeUpdate(long)).toEqual(update);
    expect(updateMessage(long, decodeUpdate(long))).toEqual(encodeUpdate(update));
  });
});

function decodeUpdate(data: Uint8Array): Uint8Array {
  const m = decodeMessage(data);
  if (m.kind !== 'update' && m.kind !== 'step2') throw new Error(`not an update: ${m.kind}`);
  return m.update;
}
