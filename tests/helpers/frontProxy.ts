import { createConnection, createServer, type Socket } from 'node:net';

/** A websocket upgrade's request line and headers, up to its blank line: its path. */
const upgrade = /^GET (\S+) HTTP\/1\.1\r\n(?:[^\r\n]*\r\n)*?upgrade: *websocket\r\n/i;

/** What the README's nginx or Caddy does in front of several instances, at the TCP level. */
export interface FrontProxy {
  url: string;
  /** Connections handed to each backend so far, by its place in the list. */
  readonly routed: readonly number[];
  /** Websockets open through the proxy to a backend now, those whose path holds `within` if given. */
  websockets(backend: number, within?: string): number;
  /** On: every connection through the proxy ends and new ones are refused (the phones' network is gone); off: let through again. */
  outage(on: boolean): void;
  close(): Promise<void>;
}

/**
 * A front proxy over instances on loopback ports: each connection goes to the next backend in turn,
 * and to the one after when that one refuses (nginx's `proxy_next_upstream error`). Bytes pass
 * untouched, so HTTP and websocket upgrades alike reach the instance; when either side of a
 * connection ends, so does the other, as a dying instance's sockets end for the phones.
 */
export async function startFrontProxy(backends: readonly number[]): Promise<FrontProxy> {
  const routed = backends.map(() => 0);
  /** Open connections to each backend, with the path of each websocket upgrade (null for HTTP). */
  const live = backends.map(() => new Map<Socket, string | null>());
  const clients = new Set<Socket>();
  let next = 0;
  let down = false;

  const route = (client: Socket, tries: number) => {
    if (client.destroyed) return;
    if (tries >= backends.length) {
      client.destroy();
      return;
    }
    const at = next++ % backends.length;
    const upstream = createConnection({ host: '127.0.0.1', port: backends[at]! });
    const refused = () => route(client, tries + 1);
    // A phone gone before its instance answered: the instance's socket goes too.
    const gone = () => upstream.destroy();
    client.once('close', gone);
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      client.off('close', gone);
      routed[at]!++;
      live[at]!.set(upstream, null);
      // The upgrade's request line and headers come in the first write on loopback (Chromium's are
      // well under a segment); a request split across writes counts as plain HTTP.
      client.once('data', (head: Buffer) => {
        const path = upgrade.exec(head.toString('latin1'))?.[1];
        if (path && live[at]!.has(upstream)) live[at]!.set(upstream, path);
      });
      const end = () => {
        live[at]!.delete(upstream);
        upstream.destroy();
        client.destroy();
      };
      upstream.on('error', end).on('close', end);
      client.on('close', end);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    if (down) {
      client.destroy();
      return;
    }
    clients.add(client);
    client.once('close', () => clients.delete(client));
    client.on('error', () => client.destroy());
    route(client, 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    routed,
    websockets: (backend, within) =>
      [...(live[backend]?.values() ?? [])].filter((path) => path?.includes(within ?? '')).length,
    outage(on) {
      down = on;
      if (on) for (const c of clients) c.destroy();
    },
    async close() {
      for (const c of clients) c.destroy();
      for (const map of live) for (const s of map.keys()) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
