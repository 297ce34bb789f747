/**
 * Hostile members flooding one room through the real server, each with their own valid token and
 * each as fast as the server accepts: maximum-size valid frames paced to the per-connection limits,
 * invalid frames (a new connection after every close), oversized awareness states (likewise).
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { readConfig } from '../../sync-server/config.ts';
import { TokenBucket } from '../../sync-server/limits/TokenBucket.ts';
import type { Session } from '../helpers/clients.ts';
import { forgeUpdate } from '../helpers/forgeUpdate.ts';
import { syncFrame } from '../helpers/rawSocket.ts';

export const floodKinds = ['valid', 'invalid', 'awareness'] as const;
export type FloodKind = (typeof floodKinds)[number];

export interface FloodTally {
  kind: FloodKind;
  members: number;
  /** Frames written to a socket. */
  sent: number;
  /** Frames the server took without closing the socket for them. */
  accepted: number;
  /** Frames on a new connection that got no close before the flood stopped, nor within a while. */
  unanswered: number;
  bytes: number;
  connections: number;
  /** Connections the server refused to open. */
  connectFailures: number;
  /** `code` → sockets the server closed with it, one refused frame each. */
  refused: Record<string, number>;
}

export interface HostileFlood {
  /** Stops every member and resolves with what each kind sent and what came of it. */
  stop(): Promise<FloodTally[]>;
}

const limits = readConfig({}).relay.limits;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** A frame sent on its own connection that gets no close within this long counts as accepted. */
const CLOSE_WAIT_MS = 30_000;

let frameSeq = 0;
const event = (by: string, id: string) => ({
  id,
  type: 'request.raised',
  at: 1_700_000_000_000,
  by,
  title: '3号楼门口路灯坏了',
  category: 'lighting',
});

/** Events of one update item that fill a maximum-size frame, with ids unique to this frame. */
function fillFrame(by: string, build: (events: unknown[]) => Uint8Array): Uint8Array {
  const tag = `f${process.pid}-${++frameSeq}`;
  const sample = build([event(by, `${tag}-0000000`), event(by, `${tag}-0000001`)]);
  const perEvent = (sample.length - build([]).length) / 2;
  let count = Math.floor((limits.maxFrameBytes - 256) / perEvent);
  for (;;) {
    const frame = build(Array.from({ length: count }, (_, i) => event(by, `${tag}-${String(i).padStart(7, '0')}`)));
    if (frame.length <= limits.maxFrameBytes) return frame;
    count = Math.floor(count * 0.98);
  }
}

/** A maximum-size frame of valid events, the item after the member's previous one. */
function validFrame(by: string, client: number, clock: number, eventsOut: { n: number }): Uint8Array {
  return fillFrame(by, (events) => {
    eventsOut.n = events.length;
    const item =
      clock === 0
        ? { parent: 'events', content: { any: events } }
        : { origin: [client, clock - 1] as const, content: { any: events } };
    return syncFrame(2, forgeUpdate([{ client, clock, structs: [item] }]));
  });
}

/** What the invalid members send, in turn, each on a fresh connection. */
export const invalidShapes = [
  'a maximum-size frame of events, the last one forged',
  '20,000 one-event items (over the caps)',
  'maximum-size garbage after a sync header',
] as const;

/** The frames of `invalidShapes`, in the same order. */
function invalidFrames(by: string, other: string): Uint8Array[] {
  const client = 0x5eed;
  const forgedLast = fillFrame(by, (events) => {
    const all = events.length ? [...events.slice(1), event(other, 'forged-author')] : events;
    return syncFrame(2, forgeUpdate([{ client, clock: 0, structs: [{ parent: 'events', content: { any: all } }] }]));
  });
  const chain = syncFrame(
    2,
    forgeUpdate([
      {
        client,
        clock: 0,
        structs: Array.from({ length: 20_000 }, (_, i) => ({
          ...(i === 0 ? { parent: 'events' } : { origin: [client, i - 1] as const }),
          content: { any: [event(by, `chain-${i}`)] },
        })),
      },
    ]),
  );
  const garbage = new Uint8Array(limits.maxFrameBytes);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
  garbage[0] = 0;
  garbage[1] = 2;
  return [forgedLast, chain, garbage];
}

/** An awareness update with one state as large as a frame may be. */
function awarenessFrame(): Uint8Array {
  const state = JSON.stringify({ user: { name: 'x'.repeat(limits.maxFrameBytes - 256) } });
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, 0x5eed);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, state);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

interface Socket {
  ws: WebSocket;
  /** Settles with the server's close code, or `ours` when we closed it. */
  closed: Promise<string>;
  closeOurs(): void;
}

function open(url: string): Promise<Socket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  let ours = false;
  const closed = new Promise<string>((resolve) => ws.on('close', (code) => resolve(ours ? 'ours' : String(code))));
  ws.on('error', () => undefined);
  const closeOurs = () => {
    ours = true;
    ws.terminate();
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed, closeOurs }));
    void closed.then((code) => reject(new Error(`closed before open: ${code}`)));
  });
}

/** Starts `members.length` hostile members of each kind on `room`'s public document. */
export function startHostileFlood(
  wsUrl: string,
  members: Record<FloodKind, Session[]>,
  bystander: string,
): HostileFlood {
  let running = true;
  let stopped: () => void = () => undefined;
  const stopping = new Promise<string>((resolve) => {
    stopped = () => resolve('stopped');
  });
  const tallies: FloodTally[] = [];
  const loops: Promise<void>[] = [];
  const url = (m: Session) => `${wsUrl}/${m.compoundId}/public?token=${m.token}`;
  const refused = (t: FloodTally, code: string) => {
    t.refused[code] = (t.refused[code] ?? 0) + 1;
  };
  const sendTo = (s: Socket, t: FloodTally, frame: Uint8Array) => {
    s.ws.send(frame);
    t.sent++;
    t.bytes += frame.length;
  };

  // Each a new socket: the server's per-connection buckets start full every time.
  const oneFramePerSocket = async (m: Session, t: FloodTally, next: () => Uint8Array) => {
    while (running) {
      let s: Socket;
      try {
        s = await open(url(m));
      } catch {
        t.connectFailures++;
        await sleep(20);
        continue;
      }
      t.connections++;
      sendTo(s, t, next());
      const code = await Promise.race([s.closed, stopping, sleep(CLOSE_WAIT_MS).then(() => 'none')]);
      if (code === 'none') t.accepted++;
      else if (code === 'stopped') t.unanswered++;
      else refused(t, code);
      if (code === 'none' || code === 'stopped') s.closeOurs();
    }
  };

  // One socket as long as it lasts, paced below the per-connection byte rate with no burst to spare.
  const validSender = async (m: Session, t: FloodTally) => {
    while (running) {
      let s: Socket;
      try {
        s = await open(url(m));
      } catch {
        t.connectFailures++;
        await sleep(20);
        continue;
      }
      t.connections++;
      const client = 1 + Math.floor(Math.random() * 0x3fffffff);
      let clock = 0;
      let serverClosed: string | undefined;
      void s.closed.then((code) => {
        serverClosed = code;
      });
      const bucket = new TokenBucket(limits.bytesPerSecond * 0.95, limits.maxFrameBytes);
      while (running && serverClosed === undefined) {
        const n = { n: 0 };
        const frame = validFrame(m.memberId, client, clock, n);
        while (running && serverClosed === undefined && (s.ws.bufferedAmount > 0 || !bucket.take(frame.length)))
          await sleep(10);
        if (!running || serverClosed !== undefined) break;
        sendTo(s, t, frame);
        t.accepted++;
        clock += n.n;
      }
      if (serverClosed === undefined) s.closeOurs();
      const code = await s.closed;
      if (code !== 'ours') {
        // The frame the server closed for was counted as accepted when it was sent.
        t.accepted--;
        refused(t, code);
      }
    }
  };

  const kinds: [FloodKind, (m: Session, t: FloodTally) => Promise<void>][] = [
    ['valid', validSender],
    [
      'invalid',
      (m, t) => {
        const frames = invalidFrames(m.memberId, bystander);
        let i = 0;
        return oneFramePerSocket(m, t, () => frames[i++ % frames.length]!);
      },
    ],
    [
      'awareness',
      (m, t) => {
        const frame = awarenessFrame();
        return oneFramePerSocket(m, t, () => frame);
      },
    ],
  ];
  for (const [kind, run] of kinds) {
    const t: FloodTally = {
      kind,
      members: members[kind].length,
      sent: 0,
      accepted: 0,
      unanswered: 0,
      bytes: 0,
      connections: 0,
      connectFailures: 0,
      refused: {},
    };
    tallies.push(t);
    for (const m of members[kind]) loops.push(run(m, t));
  }
  return {
    async stop() {
      running = false;
      stopped();
      await Promise.all(loops);
      return tallies;
    },
  };
}
