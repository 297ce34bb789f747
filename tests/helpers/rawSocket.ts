import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import type { Session } from './clients.ts';

export interface RawSocket {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array | string): void;
}

/** A bare websocket to the relay, for frames the stock client would never send. */
export async function openRaw(wsUrl: string, session: Session, docName = 'public'): Promise<RawSocket> {
  const ws = new WebSocket(`${wsUrl}/${session.compoundId}/${docName}?token=${session.token}`);
  ws.binaryType = 'arraybuffer';
  const received: Uint8Array[] = [];
  ws.on('message', (d: ArrayBuffer) => received.push(new Uint8Array(d)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, received, closed, send: (d) => ws.send(d) };
}

/** A sync message (type 0) with the given sub-type and payload. */
export function syncFrame(sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
