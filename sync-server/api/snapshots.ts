import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Hono } from 'hono';
import * as v from 'valibot';
import { ApiError } from '../../shared/api/ApiError.ts';
import { ApiErrorCode as Code } from '../../shared/errors.ts';
import { roomName } from '../../shared/rooms.ts';
import { bearerToken } from '../auth/requireMember.ts';
import type { Tickets } from '../auth/TicketBook.ts';
import type { AppEnv, Services } from '../http.ts';
import { mergeRows } from '../relay/mergeRows.ts';
import { admitForDocument } from './admission.ts';
import type { MemberLimiter } from './rateLimit.ts';

/** Below this a first sync over the socket is as quick: the answer is 204 and the phone just connects. */
export const SNAPSHOT_MIN_BYTES = 32 * 1024;
/** A snapshot this old is made again; a younger one is served even if the room moved on, the socket sends the rest. */
const FRESH_MS = 10 * 60_000;
/** Snapshots kept in memory, by the bytes of state they stand for; the oldest made go first. */
const CACHE_BYTES = 64 * 1024 * 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const Query = v.object({
  ticket: v.optional(v.pipe(v.string(), v.maxLength(200))),
  token: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

type Encoding = 'br' | 'gzip';

/** A room's state and its encodings, each made on first demand; null when the room is too small to be worth it. */
interface Snapshot {
  madeAt: number;
  state: Promise<Uint8Array | null>;
  encoded: Partial<Record<Encoding, Promise<Buffer | null>>>;
  /** Bytes of document state it stands for, for the cache's budget; set once known. */
  bytes: number;
}

const encoders: Record<Encoding, (u: Uint8Array) => Promise<Buffer>> = {
  // Quality 5: within a fifth of the best brotli for a tenth of its time (a five-year log: 1.81 vs 1.51 MB).
  br: (u) =>
    brotli(u, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: u.byteLength } }),
  gzip: (u) => gzipAsync(u),
};

/**
 * A document's whole state for a phone's first join, brotli-compressed (gzip for browsers without
 * it) and cached per room: over weak mobile data it arrives in a third fewer bytes than the
 * socket's deflated sync answer, and in an HTTP body that no websocket message timeout cuts off.
 * Same credential and membership checks as the socket.
 */
export function snapshotRoutes(s: Services, tickets: Tickets, charge?: MemberLimiter): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new Map<string, Snapshot>();
  let cached = 0;

  const make = (room: string): Snapshot => {
    const snap: Snapshot = { madeAt: s.now(), state: Promise.resolve(null), encoded: {}, bytes: 0 };
    // From storage, not a room in memory: a snapshot asked for and never followed by a socket loads no room.
    snap.state = s.storage.docs.load(room).then((rows) => {
      const merged = rows.length === 1 ? rows[0]! : mergeRows(rows);
      // A small room is not kept: reading it again is cheap, and it may have grown by the next join.
      if (merged.byteLength < SNAPSHOT_MIN_BYTES) {
        if (cache.get(room) === snap) cache.delete(room);
        return null;
      }
      if (cache.get(room) === snap) {
        snap.bytes = merged.byteLength;
        cached += merged.byteLength;
        evict();
      }
      return merged;
    });
    forget(room);
    cache.set(room, snap);
    return snap;
  };
  const forget = (room: string) => {
    const old = cache.get(room);
    if (old) cached -= old.bytes;
    cache.delete(room);
  };
  const evict = () => {
    for (const name of cache.keys()) {
      if (cached <= CACHE_BYTES) break;
      forget(name);
    }
  };

  app.get('/compounds/:compoundId/docs/:docName/snapshot', async (c) => {
    const query = v.safeParse(Query, c.req.query());
    if (!query.success) throw new ApiError(400, Code.BadRequest, 'ticket or token: a string');
    // Read as the member rate limit reads it: a token it does not see would pass uncharged.
    const bearer = bearerToken(c.req.header('authorization'));
    const credential = { ticket: query.output.ticket, token: query.output.token ?? bearer };
    const compoundId = c.req.param('compoundId');
    const docName = c.req.param('docName');
    const admission = await admitForDocument(s.storage.accounts, tickets, compoundId, docName, credential);
    // A token (header or query) was charged by the member limit already; a ticket is charged here.
    if (credential.token === undefined) charge?.(admission.member.memberId);
    if (!s.config.snapshots) return c.body(null, 204, { 'cache-control': 'no-store' });
    const name = roomName(compoundId, admission.doc.name);
    const fresh = cache.get(name);
    const snap = fresh && s.now() - fresh.madeAt <= FRESH_MS ? fresh : make(name);
    const accepts = c.req.header('accept-encoding') ?? '';
    const encoding: Encoding = /\bbr\b/.test(accepts) ? 'br' : 'gzip';
    snap.encoded[encoding] ??= snap.state.then((u) => u && encoders[encoding](u));
    const body = await snap.encoded[encoding].catch((e: unknown) => {
      forget(name);
      throw e;
    });
    if (!body) return c.body(null, 204, { 'cache-control': 'no-store' });
    return c.body(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/octet-stream',
      'content-encoding': encoding,
      'cache-control': 'private, no-store',
      vary: 'accept-encoding',
    });
  });

  return app;
}
