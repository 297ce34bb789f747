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

/** One member's API allowance, wherever their requests come from (a Bearer token, a URL token, a ticket). */
export type MemberLimiter = (memberId: string) => void;

/** The per-member limiter; each call takes one request from the member's allowance or throws 429. */
export function memberLimiter({ perMinute, burst }: Rate): MemberLimiter {
  const limiter = new KeyedLimiter(perMinute / 60, burst);
  return (memberId) => {
    if (!limiter.take(memberId)) {
      throw new ApiError(429, ApiErrorCode.RateLimited, 'too many requests from this member, try again shortly');
    }
  };
}

/**
 * Per-member limits for requests carrying a valid member token, as a Bearer header or as `?token=`
 * (the snapshot route takes it there). A request with a sync ticket instead is charged by its route
 * once the ticket names the member.
 */
export function memberRateLimit(accounts: AccountStore, charge: MemberLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token');
    const member = await memberForToken(accounts, token);
    if (member) charge(member.memberId);
    await next();
  };
}
