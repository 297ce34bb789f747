import * as v from 'valibot';
import type { ApiErrorCode } from '../errors.ts';

/**
 * A failed API call with its HTTP status and code: the server's routes throw it and answer
 * `{"error":{"code","message"}}`; the client throws it again from that body, or with status 0 and
 * code `network` when no answer came.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Every error answer's body; `code` is checked against ApiErrorCode where it is read. */
export const ErrorBody = v.object({ error: v.object({ code: v.string(), message: v.string() }) });
