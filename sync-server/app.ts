import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { ApiError } from '../shared/api/ApiError.ts';
import { ApiErrorCode as Code } from '../shared/errors.ts';
import { noControl } from '../shared/events/envelope.ts';
import { membershipRoutes } from './api/compounds.ts';
import { firstScreenRoutes } from './api/firstScreen.ts';
import { imageRoutes } from './api/images.ts';
import { type MemberLimiter, memberLimiter, memberRateLimit, rateLimit } from './api/rateLimit.ts';
import { snapshotRoutes } from './api/snapshots.ts';
import { tokenRoutes } from './api/tokens.ts';
import { TicketBook } from './auth/TicketBook.ts';
import { type AppEnv, errorBody, errorResponse, type Services } from './http.ts';
import { relayWebSocket } from './relayWebSocket.ts';
import { securityHeaders } from './securityHeaders.ts';

/** Hono wiring only: middleware, routes, the websocket upgrade, the built app. */
export function createApp(s: Services) {
  const app = new Hono<AppEnv>();
  // Must exist before the routes: the upgrade request runs through the whole chain.
  const ws = createNodeWebSocket({ app });
  const tickets = s.tickets ?? new TicketBook(s.now);

  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    s.log('error', 'unhandled error', { path: c.req.path, error: String(err) });
    return c.json(errorBody(Code.Internal, 'internal error'), 500);
  });
  app.notFound((c) => c.json(errorBody(Code.NotFound, `no route ${c.req.method} ${c.req.path}`), 404));

  app.use('*', securityHeaders(s.config.publicUrl));
  app.get('/healthz', (c) => c.json({ ok: true }));

  let charge: MemberLimiter | undefined;
  if (s.config.rateLimits) {
    charge = memberLimiter(s.config.memberApi);
    app.use('/api/*', rateLimit(s.config.api, s.config.trustProxy));
    app.use('/api/*', memberRateLimit(s.storage.accounts, charge));
  }
  const tooLarge = () => {
    throw new ApiError(413, Code.TooLarge, 'request body too large');
  };
  // Ids in paths are looked up as text, where Postgres refuses NUL: a control character is a 400
  // on every storage, not a 500 on one.
  app.use('/api/*', async (c, next) => {
    if (/%(?:[01][0-9a-f]|7f)/i.test(new URL(c.req.url).pathname) || !noControl(c.req.path)) {
      throw new ApiError(400, Code.BadRequest, 'a control character in the path');
    }
    await next();
  });
  app.use('/api/*', async (c, next) => {
    const limit = c.req.path.includes('/images/') ? s.config.imageMaxBytes : 64 * 1024;
    return bodyLimit({ maxSize: limit, onError: tooLarge })(c, next);
  });
  app.route('/api', membershipRoutes(s));
  app.route('/api', imageRoutes(s));
  app.route('/api', tokenRoutes(s, tickets));
  app.route('/api', snapshotRoutes(s, tickets, charge));
  app.route('/api', firstScreenRoutes(s, tickets));
  app.all('/api/*', (c) => c.json(errorBody(Code.NotFound, `no route ${c.req.method} ${c.req.path}`), 404));

  const sockets = relayWebSocket(s, ws, tickets);
  app.get('/sync/:compoundId/:docName', sockets.handler);

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
    stop: sockets.stop,
  };
}
