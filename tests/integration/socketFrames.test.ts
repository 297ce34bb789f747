import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCompound, type Session } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** A query for everyone's awareness (type 3): its answer marks how far the relay has handled. */
const queryAwareness = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 3);
  return encoding.toUint8Array(e);
})();

/** A SyncStep1 (type 0, sub-type 0) with an empty state vector. */
const step1 = () => syncFrame(0, Y.encodeStateVector(new Y.Doc()));

/** A client-to-server websocket frame: binary, final, masked. */
function maskedFrame(payload: Uint8Array): Buffer {
  const mask = randomBytes(4);
  const head =
    payload.length < 126
      ? Buffer.from([0x82, 0x80 | payload.length])
      : Buffer.from([0x82, 0x80 | 126, payload.length >> 8, payload.length & 255]);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([head, mask, body]);
}

/** Server-to-client frames (unmasked) in `bytes`, and what is left of an unfinished one. */
function readFrames(bytes: Buffer): { frames: Uint8Array[]; rest: Buffer } {
  const frames: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    if (bytes.length < at + 2) break;
    let length = bytes[at + 1]! & 127;
    let start = at + 2;
    if (length === 126) {
      if (bytes.length < at + 4) break;
      length = bytes.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      if (bytes.length < at + 10) break;
      length = Number(bytes.readBigUInt64BE(at + 2));
      start = at + 10;
    }
    if (bytes.length < start + length) break;
    if ((bytes[at]! & 15) === 2) frames.push(new Uint8Array(bytes.subarray(start, start + length)));
    at = start + length;
  }
  return { frames, rest: bytes.subarray(at) };
}

/** The relay's answers up to and including the first awareness answer: how many were SyncStep2s. */
function step2sBeforeAwareness(frames: Uint8Array[]): number | undefined {
  const awareness = frames.findIndex((f) => f[0] === 1);
  if (awareness < 0) return undefined;
  return frames.slice(0, awareness).filter((f) => f[0] === 0 && f[1] === 1).length;
}

describe('frames from the socket to the relay', () => {
  const server = useTestServer();

  it('a frame sent with the upgrade request itself is handled once, and so is each frame after it', async () => {
    const admin: Session = await createCompound(server.url);
    const url = new URL(`${server.wsUrl}/${admin.compoundId}/public?token=${admin.token}`);
    const socket = tcpConnect(Number(url.port), url.hostname);
    let bytes: Buffer = Buffer.alloc(0);
    let upgraded = false;
    const frames: Uint8Array[] = [];
    socket.on('data', (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      if (!upgraded) {
        const end = bytes.indexOf('\r\n\r\n');
        if (end < 0) return;
        expect(bytes.subarray(0, 12).toString()).toBe('HTTP/1.1 101');
        upgraded = true;
        bytes = bytes.subarray(end + 4);
      }
      const read = readFrames(bytes);
      frames.push(...read.frames);
      bytes = read.rest;
    });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // The request and a SyncStep1 in one write: the frame reaches the server with the upgrade.
    const request = [
      `GET ${url.pathname}${url.search} HTTP/1.1`,
      `Host: ${url.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n');
    socket.write(Buffer.concat([Buffer.from(request), maskedFrame(step1()), maskedFrame(queryAwareness)]));
    try {
      // One answer to the SyncStep1, not none (lost) and not two (handled twice).
      await eventually(() => expect(step2sBeforeAwareness(frames)).toBe(1));
      const seen = frames.length;
      socket.write(Buffer.concat([maskedFrame(step1()), maskedFrame(queryAwareness)]));
      await eventually(() => expect(step2sBeforeAwareness(frames.slice(seen))).toBe(1));
    } finally {
      socket.destroy();
    }
  });

  it('frames on an open socket are handled once each, in order', async () => {
    const admin: Session = await createCompound(server.url);
    const raw = await openRaw(server.wsUrl, admin);
    try {
      for (let round = 0; round < 3; round++) {
        const seen = raw.received.length;
        raw.send(step1());
        raw.send(step1());
        raw.send(queryAwareness);
        await eventually(() => expect(step2sBeforeAwareness(raw.received.slice(seen))).toBe(2));
      }
    } finally {
      raw.ws.close();
    }
  });
});
