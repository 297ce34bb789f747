import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/errors.ts';
import { ApiErrorCode as Code } from '../../shared/errors.ts';

/** An API failure with its HTTP status and code; app.onError turns it into the JSON body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Reads a JSON body and validates it; a bad body is a 400 naming the field. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError(400, Code.BadRequest, 'body must be JSON');
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.');
    throw new ApiError(400, Code.BadRequest, `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid body'}`);
  }
  return parsed.output;
}
