import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncFrame } from '../helpers/rawSocket.ts';

/** How a frame ended for the socket that sent it: answered in order, or closed. */
export type Outcome = { closed: false } | { closed: true; code: number; reason: string };

export interface PeerSession {
  compoundId: string;
  memberId: string;
  token: string;
}

/**
 * A bare socket to one document. It can mirror the document into a Y.Doc (every update the relay
 * sends it) and ask the relay a question it must answer after every frame sent before it: a
 * SyncStep1, answered by a SyncStep2, since the relay handles one connection's frames in order.
 */
export class RawPeer {
  readonly doc = new Y.Doc();
  closeInfo: { code: number; reason: string } | undefined;
  private answers = 0;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly ws: WebSocket,
    private readonly mirror: boolean,
  ) {
    ws.binaryType = 'arraybuffer';
    ws.on('message', (d: ArrayBuffer) => this.onMessage(new Uint8Array(d)));
    ws.on('close', (code, reason) => {
      this.closeInfo = { code, reason: reason.toString() };
      this.wake();
    });
    // A refused socket may see a reset instead of a close frame; the close event still follows.
    ws.on('error', () => undefined);
  }

  static async open(wsUrl: string, session: PeerSession, docName: string, mirror = false): Promise<RawPeer> {
    const ws = new WebSocket(`${wsUrl}/${session.compoundId}/${docName}?token=${session.token}`, {
      maxPayload: 256 * 1024 * 1024,
    });
    const peer = new RawPeer(ws, mirror);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    // The mirror starts from the whole document.
    if (mirror) await peer.probe(new Uint8Array([0]));
    return peer;
  }

  get open(): boolean {
    return this.closeInfo === undefined && this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array | string): void {
    if (this.open) this.ws.send(frame);
  }

  /**
   * Sends `frame` (if any), then a SyncStep1 with `stateVector`, and settles once the relay has
   * answered it or closed the socket: either way, the frame was handled.
   */
  async probe(stateVector: Uint8Array, frame?: Uint8Array | string, timeoutMs = 30_000): Promise<Outcome> {
    if (!this.open) return this.outcome();
    const target = this.answers + 1;
    if (frame !== undefined) this.ws.send(frame);
    this.ws.send(syncFrame(0, stateVector));
    const deadline = Date.now() + timeoutMs;
    while (this.answers < target && this.open) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the relay did not answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.outcome();
  }

  close(): void {
    this.ws.terminate();
  }

  private outcome(): Outcome {
    return this.closeInfo ? { closed: true, ...this.closeInfo } : { closed: false };
  }

  private onMessage(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    if (decoding.readVarUint(d) !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === 0) return;
    if (this.mirror) Y.applyUpdate(this.doc, decoding.readVarUint8Array(d), 'relay');
    if (sub === 1) {
      this.answers++;
      this.wake();
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
