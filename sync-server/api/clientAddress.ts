import type { Context } from 'hono';
import type { AppEnv } from '../http.ts';

/**
 * The address a request came from. With `trustProxy` reverse proxies in front, each of them
 * appended the address it saw to X-Forwarded-For, so the client is the `trustProxy`-th entry from
 * the right; anything further left the client may have written itself. Without, the socket's.
 * A request with fewer hops than that came a shorter way (or a proxy did not append): only the
 * right-most hop, written by the proxy nearest the relay, is known not to be the client's own
 * words, so it keys on that one (the left-most may be whatever the client sent).
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: number): string {
  const socket = c.env.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustProxy === 0) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  if (hops.length === 0) return socket;
  return hops.length < trustProxy ? hops[hops.length - 1]! : hops[hops.length - trustProxy]!;
}
