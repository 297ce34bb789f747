import { createConnection, createServer, type Socket } from 'node:net';

const upgrade = /^GET [^\r\n]+\r\n(?:[^\r\n]*\r\n)*?upgrade: *websocket\r\n/i;

/** What the README's nginx or Caddy does in front of several instances, at the TCP level. */
export interface FrontProxy {
  url: string;
  /** Connections handed to each backend so far, by its place in the list. */
  readonly routed: readonly number[];
  /** Websockets open through the proxy to a backend now. */
  websockets(backend: number): number;
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
  /** Open connections to each backend, and whether each is a websocket. */
  const live = backends.map(() => new Map<Socket, boolean>());
  const clients = new Set<Socket>();
  let next = 0;

  const route = (client: Socket, tries: number) => {
    if (tries >= backends.length) {
      client.destroy();
      return;
    }
    const at = next++ % backends.length;
    const upstream = createConnection({ host: '127.0.0.1', port: backends[at]! });
    const refused = () => route(client, tries + 1);
    upstream.once('error', refused);
    upstream.once('connect', () => {
      upstream.off('error', refused);
      routed[at]!++;
      live[at]!.set(upstream, false);
      client.once('data', (head: Buffer) => {
        if (live[at]!.has(upstream)) live[at]!.set(upstream, upgrade.test(head.toString('latin1')));
      });
      const end = () => {
        live[at]!.delete(upstream);
        upstream.destroy();
        client.destroy();
      };
      upstream.on('error', end).on('close', end);
      client.on('error', end).on('close', end);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    clients.add(client);
    client.once('close', () => clients.delete(client));
    client.on('error', () => client.destroy());
    route(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    routed,
    websockets: (backend) => [...(live[backend]?.values() ?? [])].filter(Boolean).length,
    async close() {
      for (const c of clients) c.destroy();
      for (const map of live) for (const s of map.keys()) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
