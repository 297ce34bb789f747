import * as v from 'valibot';
import { ApiError, ErrorBody } from '../../shared/api/ApiError.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import { learnRelayClock, whenClockUnconfirmed } from './relayClock.ts';

// The relay's time is asked for again when the phone's clock moved since it was learned.
whenClockUnconfirmed(() => void apiFetch('GET', '/healthz', { timeoutMs: 10_000 }).catch(() => undefined));

export interface ApiFetchOptions {
  /** The member's bearer token. */
  token?: string | undefined;
  /** A JSON body; sent with `content-type: application/json`. */
  json?: unknown;
  /** A raw body (an image) and its type. */
  body?: Blob;
  contentType?: string;
  /** Weak mobile data: give up rather than spin forever. */
  timeoutMs?: number;
  cache?: RequestCache;
}

/**
 * One call to the relay's HTTP API; no answer at all (offline, timeout) is ApiError(0, 'network').
 * Every answer to a request without a body, fetched past the cache, sets the phone's clock by the
 * relay's (relayClock.ts).
 */
export async function apiFetch(method: string, path: string, options: ApiFetchOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  else if (options.contentType) headers['Content-Type'] = options.contentType;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const cache = options.cache ?? 'no-store';
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : (options.body ?? null),
      cache,
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
  } catch (e) {
    throw new ApiError(0, 'network', String(e));
  }
  // A cached answer (an image) carries the Date of when it was first fetched, and an upload's the
  // time its body arrived, not the round trip's midpoint.
  if (cache === 'no-store' && !options.body) learnRelayClock(res.headers.get('date'), sentAt, Date.now());
  return res;
}

const knownCodes = new Set<string>(Object.values(ApiErrorCode));

/** The ApiError an error answer stands for: the server's own code, or one read from the status. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const parsed = v.safeParse(ErrorBody, await res.json().catch(() => undefined));
  const error = parsed.success ? parsed.output.error : undefined;
  const code = error && knownCodes.has(error.code) ? (error.code as ApiErrorCode) : statusCode(res.status);
  return new ApiError(res.status, code, error?.message ?? res.statusText);
}

function statusCode(status: number): ApiErrorCode {
  if (status === 401) return ApiErrorCode.Unauthenticated;
  if (status === 403) return ApiErrorCode.Forbidden;
  if (status === 404) return ApiErrorCode.NotFound;
  if (status === 413) return ApiErrorCode.TooLarge;
  if (status === 429) return ApiErrorCode.RateLimited;
  if (status >= 500) return ApiErrorCode.Internal;
  return ApiErrorCode.BadRequest;
}
