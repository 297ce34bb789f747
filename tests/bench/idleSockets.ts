/**
 * Idle phones for the bench: bare websockets that do the sync handshake a stock client does
 * (step 1 with an empty state vector, step 2 in answer to the relay's step 1) and then say nothing.
 * ws answers the relay's pings by itself, so an idle socket stays admitted as a phone left open would.
 */
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncFrame } from '../helpers/rawSocket.ts';

const emptyStateVector = Y.encodeStateVector(new Y.Doc());
const emptyUpdate = Y.encodeStateAsUpdate(new Y.Doc());

export interface IdleSocket {
  ws: WebSocket;
  /** Settles once the relay's step 2 (its whole document) has arrived. */
  synced: Promise<void>;
}

/** Opens one idle socket on `room` with a member's token; `deflate` offers permessage-deflate as browsers do. */
export function openIdle(wsUrl: string, room: string, token: string, deflate = false): IdleSocket {
  const ws = new WebSocket(`${wsUrl}/${room}?token=${token}`, { perMessageDeflate: deflate });
  ws.binaryType = 'nodebuffer';
  const synced = new Promise<void>((resolve, reject) => {
    ws.once('open', () => ws.send(syncFrame(0, emptyStateVector)));
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(d) !== 0) return;
      const sub = decoding.readVarUint(d);
      if (sub === 0) ws.send(syncFrame(1, emptyUpdate));
      else if (sub === 1) resolve();
    });
    ws.once('close', (code, reason) => reject(new Error(`idle socket closed ${code} ${reason.toString()}`)));
    ws.once('error', reject);
  });
  synced.catch(() => {});
  return { ws, synced };
}

/** Closes idle sockets and waits until each is closed. */
export async function closeIdle(sockets: IdleSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.ws.readyState === WebSocket.CLOSED) resolve();
          else {
            s.ws.once('close', () => resolve());
            s.ws.close();
          }
        }),
    ),
  );
}
