import type { NodeWebSocket } from '@hono/node-ws';
import type { MiddlewareHandler } from 'hono';
import type { WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode } from '../shared/errors.ts';
import { admitSocket } from './auth/admitSocket.ts';
import type { AppEnv, Services } from './http.ts';
import type { Connection } from './relay/Connection.ts';
import type { RelaySocket } from './relay/types.ts';

const PING_INTERVAL_MS = 30_000;

/** The ws socket as the relay's minimal socket. */
function relaySocket(raw: WebSocket): RelaySocket {
  return {
    send: (data) => raw.send(data),
    close: (code, reason) => raw.close(code, reason),
    get bufferedAmount() {
      return raw.bufferedAmount;
    },
  };
}

/**
 * The thin adapter between Hono's node websockets and the relay: admits the socket, hands its
 * binary frames to a relay Connection, and drops sockets that stop answering pings.
 */
export function relayWebSocket(s: Services, ws: NodeWebSocket): { handler: MiddlewareHandler<AppEnv>; stop(): void } {
  // Above the relay's own limit, so an oversized frame reaches the relay and is closed with 4413, not ws's bare 1009.
  ws.wss.options.maxPayload = s.config.relay.limits.maxFrameBytes * 2 + 1024;

  const alive = new Map<WebSocket, boolean>();
  const pinger = setInterval(() => {
    for (const [raw, ok] of alive) {
      if (!ok) {
        raw.terminate();
        continue;
      }
      alive.set(raw, false);
      raw.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  const handler = ws.upgradeWebSocket(async (c) => {
    const admission = await admitSocket(
      s.storage.accounts,
      c.req.param('compoundId') ?? '',
      c.req.param('docName') ?? '',
      c.req.query('token'),
    );
    let conn: Connection | undefined;
    return {
      onOpen(_evt, wsc: WSContext<WebSocket>) {
        if (!admission.ok) {
          wsc.close(admission.code, admission.reason);
          return;
        }
        const raw = wsc.raw!;
        alive.set(raw, true);
        raw.on('pong', () => alive.set(raw, true));
        conn = s.relay.connect(relaySocket(raw), admission.member, admission.doc);
      },
      onMessage(evt) {
        if (!conn) return;
        const data = evt.data;
        if (typeof data === 'string') conn.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
        else conn.receive(new Uint8Array(data as ArrayBuffer));
      },
      onClose(_evt, wsc) {
        if (wsc.raw) alive.delete(wsc.raw);
        conn?.socketClosed();
      },
    };
  });

  return { handler, stop: () => clearInterval(pinger) };
}
