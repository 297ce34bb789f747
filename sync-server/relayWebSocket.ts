import type { NodeWebSocket } from '@hono/node-ws';
import type { MiddlewareHandler } from 'hono';
import type { WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode } from '../shared/errors.ts';
import { admitSocket } from './auth/admitSocket.ts';
import { outdatedAdmission } from './auth/readmitConnections.ts';
import type { Tickets } from './auth/TicketBook.ts';
import type { AppEnv, Services } from './http.ts';
import type { Connection } from './relay/Connection.ts';
import type { RelaySocket } from './relay/types.ts';

const PING_INTERVAL_MS = 30_000;
const MAX_HELD_FRAMES = 32;
/**
 * Only frames of 32 KiB and more are compressed (ws honours the threshold only without context
 * takeover): a first join's sync answer shrinks about fourfold, while live updates and ordinary
 * catch-ups cost no CPU and make no deflate context, which a socket keeps for life once made.
 * memLevel 4 shrinks that context from 256 to 136 KB for 5 % more bytes.
 */
const DEFLATE = { threshold: 32 * 1024, serverNoContextTakeover: true, zlibDeflateOptions: { memLevel: 4 } };

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
 * The thin adapter between Hono's node websockets and the relay: admits the socket (by sync
 * ticket or member token, again once it is open), hands its binary frames to a relay Connection,
 * and drops sockets that stop answering pings.
 */
export function relayWebSocket(
  s: Services,
  ws: NodeWebSocket,
  tickets: Tickets,
): { handler: MiddlewareHandler<AppEnv>; stop(): void } {
  // Above the relay's own limit, so an oversized frame reaches the relay and is closed with 4413, not ws's bare 1009.
  ws.wss.options.maxPayload = s.config.relay.limits.maxFrameBytes * 2 + 1024;
  if (s.config.deflate) ws.wss.options.perMessageDeflate = DEFLATE;

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
    const compoundId = c.req.param('compoundId') ?? '';
    const docName = c.req.param('docName') ?? '';
    const credential = { ticket: c.req.query('ticket'), token: c.req.query('token') };
    const admit = () => admitSocket(s.storage.accounts, tickets, compoundId, docName, credential);
    const admission = await admit();
    let conn: Connection | undefined;
    /** Frames that arrive while the credential is checked again at open; undefined once it was. */
    let held: Uint8Array[] | undefined;
    /** Frames come straight from ws's socket, no longer through Hono's `onMessage`. */
    let direct = false;
    const receive = (data: unknown, isBinary: boolean) => {
      if (!conn) return;
      if (!isBinary || typeof data === 'string') {
        conn.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
        return;
      }
      // A copy, as Hono made: the frame outlives this turn (stored, forwarded, held) and a view would
      // keep the whole socket read it came in alive.
      const frame = new Uint8Array(data as Buffer | ArrayBuffer);
      if (!held) conn.receive(frame);
      else if (held.length < MAX_HELD_FRAMES) held.push(frame);
      else conn.close(CloseCode.RateLimited, 'too many frames before the socket was admitted');
    };
    const onMessage = (evt: { data: unknown }) => {
      if (!direct) receive(evt.data, typeof evt.data !== 'string');
    };
    return {
      onOpen(_evt, wsc: WSContext<WebSocket>) {
        if (!admission.ok) {
          wsc.close(admission.code, admission.reason);
          return;
        }
        const raw = wsc.raw!;
        alive.set(raw, true);
        raw.on('pong', () => alive.set(raw, true));
        const opened = s.relay.connect(relaySocket(raw), admission.member, admission.doc);
        if (!opened) return;
        conn = opened;
        // Hono hands each frame over as a new MessageEvent holding a copy of it, ~3 % of the relay's
        // CPU in the fan-out. It replays what arrived before this open through `onMessage` right after
        // this returns, in this turn; from the next microtask on, frames come from ws's own event and
        // `onMessage` reads as absent, so Hono (which calls `events.onMessage?.(...)`) builds no event.
        queueMicrotask(() => {
          direct = true;
          raw.on('message', receive);
        });
        // A revocation or a role change between the upgrade and now found no socket to close; now it
        // would, so ask again: a member whose role or party changed meanwhile reconnects under the new one.
        held = [];
        admit().then(
          (again) => {
            const frames = held ?? [];
            held = undefined;
            if (!again.ok) opened.close(again.code, again.reason);
            else if (outdatedAdmission(admission.member, again.member))
              opened.close(CloseCode.RoleChanged, 'role changed while connecting');
            else for (const frame of frames) opened.receive(frame);
          },
          (e: unknown) => {
            held = undefined;
            s.log('error', 'admission failed', { error: String(e) });
            opened.close(CloseCode.ServerError, 'could not check the credential');
          },
        );
      },
      get onMessage() {
        return direct ? undefined : onMessage;
      },
      onClose(_evt, wsc) {
        if (wsc.raw) alive.delete(wsc.raw);
        conn?.socketClosed();
      },
    };
  });

  return { handler, stop: () => clearInterval(pinger) };
}
