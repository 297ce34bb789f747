import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { ApiError } from '../shared/api/ApiError.ts';
import type { ApiErrorBody, ApiErrorCode } from '../shared/errors.ts';
import { ApiErrorCode as Code } from '../shared/errors.ts';
import { issueMessage } from '../shared/issueMessage.ts';
import type { Member } from '../shared/roles.ts';
import type { Tickets } from './auth/TicketBook.ts';
import type { Config } from './config.ts';
import type { Relay } from './relay/Relay.ts';
import type { Storage } from './storage/Storage.ts';

/** What every route can reach. */
export interface Services {
  config: Config;
  storage: Storage;
  relay: Relay;
  /** Shared sync tickets (several instances); absent: this process keeps its own. */
  tickets?: Tickets;
  now: () => number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/** Hono's context: node's request bindings, and the member `requireMember` found. */
export type AppEnv = { Bindings: HttpBindings; Variables: { member: Member } };

export function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** The answer to a thrown ApiError: its status and `{"error":{"code","message"}}`. */
export function errorResponse(c: Context, err: ApiError): Response {
  // The server only ever throws its own codes; `network` is the client's.
  const code = err.code === 'network' ? Code.Internal : err.code;
  return c.json(errorBody(code, err.message), err.status as ContentfulStatusCode);
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
  if (!parsed.success) throw new ApiError(400, Code.BadRequest, issueMessage(parsed.issues, 'invalid body'));
  return parsed.output;
}
