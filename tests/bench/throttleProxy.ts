/**
 * A weak mobile link between a browser and the server, as a TCP proxy on loopback: every
 * connection shares one downlink and one uplink paced to `bitsPerSecond`, and each chunk arrives
 * `oneWayMs` after it left the pacer. Every byte of every protocol is paced alike; Chromium's own
 * network emulation gave no steady link for websockets here (joins under it retried and stalled).
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export interface ThrottleProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Bytes carried server -> browser and browser -> server since the last reset. */
  bytes(): { down: number; up: number };
  /** TCP connections opened since the last reset. */
  connections(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Pieces this size keep one large frame from holding the line in a single timer tick. */
const PIECE = 8 * 1024;

/** One direction of the link: a serial pacer followed by a fixed delay, delivering in order. */
class Line {
  private busyUntil = 0;
  private readonly queue: { due: number; to: Socket; piece: Buffer | null }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  carried = 0;

  constructor(
    private readonly bytesPerMs: number,
    private readonly delayMs: number,
  ) {}

  send(to: Socket, chunk: Buffer): void {
    for (let at = 0; at < chunk.byteLength; at += PIECE) {
      const piece = chunk.subarray(at, at + PIECE);
      const start = Math.max(performance.now(), this.busyUntil);
      this.busyUntil = start + piece.byteLength / this.bytesPerMs;
      this.carried += piece.byteLength;
      this.queue.push({ due: this.busyUntil + this.delayMs, to, piece });
    }
    this.pump();
  }

  /** The end of a stream travels the line too: it follows the bytes already on their way. */
  end(to: Socket): void {
    this.queue.push({ due: Math.max(performance.now(), this.busyUntil) + this.delayMs, to, piece: null });
    this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    const now = performance.now();
    while (this.queue[0] && this.queue[0].due <= now) {
      const { to, piece } = this.queue.shift()!;
      if (to.destroyed) continue;
      if (piece) to.write(piece);
      else to.end();
    }
    const next = this.queue[0];
    if (!next) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, next.due - now);
  }

  close(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

export async function startThrottleProxy(
  upstreamPort: number,
  link: { bitsPerSecond: number; oneWayMs: number },
): Promise<ThrottleProxy> {
  const bytesPerMs = link.bitsPerSecond / 8 / 1000;
  const down = new Line(bytesPerMs, link.oneWayMs);
  const up = new Line(bytesPerMs, link.oneWayMs);
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(upstreamPort, '127.0.0.1');
    connections++;
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('data', (d) => up.send(upstream, d));
    upstream.on('data', (d) => down.send(client, d));
    client.on('end', () => up.end(upstream));
    upstream.on('end', () => down.end(client));
    for (const s of [client, upstream]) {
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    bytes: () => ({ down: down.carried, up: up.carried }),
    connections: () => connections,
    reset() {
      connections = 0;
      down.carried = 0;
      up.carried = 0;
    },
    close() {
      down.close();
      up.close();
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
