import type { Context } from 'hono';
import type { AppEnv } from '../http.ts';

/**
 * The address a request came from. With `trustProxy` reverse proxies in front, each of them
 * appended the address it saw to X-Forwarded-For, so the client is the `trustProxy`-th entry from
 * the right; anything further left the client may have written itself. Without, the socket's.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: number): string {
  const socket = c.env.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustProxy === 0) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  if (hops.length === 0) return socket;
  return hops[Math.max(0, hops.length - trustProxy)]!;
}
