import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api/ApiError.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import { bearerToken, memberForToken } from '../auth/requireMember.ts';
import type { AppEnv } from '../http.ts';
import { KeyedLimiter } from '../limits/KeyedLimiter.ts';
import type { AccountStore } from '../storage/Storage.ts';
import { clientAddress } from './clientAddress.ts';

interface Rate {
  perMinute: number;
  burst: number;
}

/** Per-address request limits for the API (RATE_LIMITS=off turns them off for load tests). */
export function rateLimit(
  { perMinute, burst, addresses }: Rate & { addresses: number },
  trustProxy: number,
): MiddlewareHandler<AppEnv> {
  const limiter = new KeyedLimiter(perMinute / 60, burst, addresses);
  return async (c, next) => {
    if (!limiter.take(clientAddress(c, trustProxy))) {
      throw new ApiError(429, ApiErrorCode.RateLimited, 'too many requests, try again shortly');
    }
    await next();
  };
}

/** Per-member request limits for requests with a valid Bearer token, wherever they come from. */
export function memberRateLimit(accounts: AccountStore, { perMinute, burst }: Rate): MiddlewareHandler<AppEnv> {
  const limiter = new KeyedLimiter(perMinute / 60, burst);
  return async (c, next) => {
    const member = await memberForToken(accounts, bearerToken(c.req.header('authorization')));
    if (member && !limiter.take(member.memberId)) {
      throw new ApiError(429, ApiErrorCode.RateLimited, 'too many requests from this member, try again shortly');
    }
    await next();
  };
}
