import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { WSContext } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode, ApiErrorCode as Code } from '../shared/errors.ts';
import { canRead, idPattern, parseDocName } from '../shared/rooms.ts';
import { membershipRoutes } from './api/compounds.ts';
import type { AppEnv, Services } from './api/context.ts';
import { ApiError, errorBody } from './api/errors.ts';
import { imageRoutes } from './api/images.ts';
import { rateLimit } from './api/rateLimit.ts';
import { memberForToken } from './auth/requireMember.ts';
import type { Connection } from './relay/Connection.ts';

const PING_INTERVAL_MS = 30_000;

/** Hono wiring only: middleware, routes, the websocket upgrade, the built app. */
export function createApp(s: Services) {
  const app = new Hono<AppEnv>();
  // Must exist before the routes: the upgrade request runs through the whole chain.
  const ws = createNodeWebSocket({ app });
  ws.wss.options.maxPayload = s.config.relay.limits.maxFrameBytes * 2 + 1024;

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
    s.log('error', 'unhandled error', { path: c.req.path, error: String(err) });
    return c.json(errorBody(Code.Internal, 'internal error'), 500);
  });
  app.notFound((c) => c.json(errorBody(Code.NotFound, `no route ${c.req.method} ${c.req.path}`), 404));

  app.get('/healthz', (c) => c.json({ ok: true }));

  if (s.config.rateLimits) app.use('/api/*', rateLimit(s.config.api.perMinute, s.config.api.burst));
  const tooLarge = () => {
    throw new ApiError(413, Code.TooLarge, 'request body too large');
  };
  app.use('/api/*', async (c, next) => {
    const limit = c.req.path.includes('/images/') ? s.config.imageMaxBytes : 64 * 1024;
    return bodyLimit({ maxSize: limit, onError: tooLarge })(c, next);
  });
  app.route('/api', membershipRoutes(s));
  app.route('/api', imageRoutes(s));
  app.all('/api/*', (c) => c.json(errorBody(Code.NotFound, `no route ${c.req.method} ${c.req.path}`), 404));

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

  app.get(
    '/sync/:compoundId/:docName',
    ws.upgradeWebSocket(async (c) => {
      const compoundId = c.req.param('compoundId') ?? '';
      const doc = parseDocName(c.req.param('docName') ?? '');
      const member = await memberForToken(s.storage.accounts, c.req.query('token'));
      let refusal: [number, string] | undefined;
      if (!idPattern.test(compoundId) || !doc) refusal = [CloseCode.NotFound, 'no such document'];
      else if (!member) refusal = [CloseCode.Unauthenticated, 'missing, unknown or revoked token'];
      else if (member.compoundId !== compoundId) refusal = [CloseCode.Forbidden, 'not a member of this compound'];
      else if (!canRead(doc.kind, member)) refusal = [CloseCode.Forbidden, `${doc.name} is for the committee only`];
      let conn: Connection | undefined;
      return {
        onOpen(_evt, wsc: WSContext<WebSocket>) {
          if (refusal || !member || !doc) {
            wsc.close(...(refusal ?? [CloseCode.Unauthenticated, 'refused']));
            return;
          }
          const raw = wsc.raw!;
          alive.set(raw, true);
          raw.on('pong', () => alive.set(raw, true));
          conn = s.relay.connect(
            {
              send: (data) => raw.send(data),
              close: (code, reason) => raw.close(code, reason),
              get bufferedAmount() {
                return raw.bufferedAmount;
              },
            },
            member,
            doc,
          );
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
    }),
  );

  const root = resolve(s.config.staticDir);
  // Phones on weak mobile data: the app's scripts and styles go out gzipped.
  app.use('/*', compress());
  app.use('/*', async (c, next) => {
    await next();
    if (c.req.path === '/sw.js' || c.req.path.endsWith('.webmanifest') || c.req.path === '/index.html') {
      c.header('cache-control', 'no-cache');
    } else if (c.req.path.startsWith('/assets/')) {
      c.header('cache-control', 'public, max-age=31536000, immutable');
    }
  });
  if (existsSync(root)) app.use('/*', serveStatic({ root }));
  // Deep links are the app's routes: answer them with the shell.
  app.get('*', async (c) => {
    try {
      const html = await readFile(join(root, 'index.html'), 'utf8');
      c.header('cache-control', 'no-cache');
      return c.html(html);
    } catch {
      return c.json(errorBody(Code.NotFound, 'the app is not built: run npm run build'), 404);
    }
  });

  return {
    app,
    injectWebSocket: ws.injectWebSocket,
    stop: () => clearInterval(pinger),
  };
}
