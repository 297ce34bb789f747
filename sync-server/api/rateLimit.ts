import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api/ApiError.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import type { AppEnv } from '../http.ts';
import { TokenBucket } from '../limits/TokenBucket.ts';

/** Per-address request limits for the API (RATE_LIMITS=off turns them off for load tests). */
export function rateLimit(perMinute: number, burst: number): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, TokenBucket>();
  return async (c, next) => {
    const address = c.env.incoming?.socket?.remoteAddress ?? 'unknown';
    let bucket = buckets.get(address);
    if (!bucket) {
      // Forget idle addresses now and then so the map cannot grow without bound.
      if (buckets.size > 10_000) buckets.clear();
      bucket = new TokenBucket(perMinute / 60, burst);
      buckets.set(address, bucket);
    }
    if (!bucket.take()) throw new ApiError(429, ApiErrorCode.RateLimited, 'too many requests, try again shortly');
    await next();
  };
}
