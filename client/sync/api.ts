import * as v from 'valibot';
import { ApiError } from '../../shared/api/ApiError.ts';
import { CompoundInfo, Credentials, Invite, InviteList, InvitePreview, Me } from '../../shared/api/answers.ts';
import type { CreateCompoundBody, CreateInviteBody, JoinBody, SetRoleBody } from '../../shared/api/bodies.ts';
import { SyncTicket } from '../../shared/api/syncTicket.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import { issueMessage } from '../../shared/issueMessage.ts';
import { apiErrorOf, apiFetch } from './apiFetch.ts';

export { ApiError } from '../../shared/api/ApiError.ts';
export type {
  CompoundInfo,
  Credentials,
  Invite,
  InviteList,
  InvitePreview,
  InviteSummary,
  Me,
} from '../../shared/api/answers.ts';
export type { SyncTicket } from '../../shared/api/syncTicket.ts';

/** A JSON call whose answer is checked against the same schema the server answers with. */
async function request<S extends v.GenericSchema>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<v.InferOutput<S>> {
  const res = await apiFetch(method, path, { json: body, token });
  if (!res.ok) throw await apiErrorOf(res);
  const parsed = v.safeParse(schema, await res.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError(res.status, ApiErrorCode.Internal, `unexpected answer: ${issueMessage(parsed.issues)}`);
  }
  return parsed.output;
}

/** A call answered with 204 and no body. */
async function send(method: string, path: string, token: string, body?: unknown): Promise<void> {
  const res = await apiFetch(method, path, body === undefined ? { token } : { json: body, token });
  if (!res.ok) throw await apiErrorOf(res);
}

const compoundPath = (compoundId: string) => `/api/compounds/${encodeURIComponent(compoundId)}`;

export const api = {
  createCompound: (body: CreateCompoundBody) => request(Credentials, 'POST', '/api/compounds', body),
  /** What joining with `code` would make you, without counting a use (no token: not a member yet). */
  previewInvite: (code: string) => request(InvitePreview, 'GET', `/api/invites/${encodeURIComponent(code)}`),
  join: (body: JoinBody) => request(Credentials, 'POST', '/api/join', body),
  createInvite: (compoundId: string, token: string, body: CreateInviteBody) =>
    request(Invite, 'POST', `${compoundPath(compoundId)}/invites`, body, token),
  listInvites: (compoundId: string, token: string) =>
    request(InviteList, 'GET', `${compoundPath(compoundId)}/invites`, undefined, token),
  revokeInvite: (compoundId: string, code: string, token: string) =>
    send('DELETE', `${compoundPath(compoundId)}/invites/${encodeURIComponent(code)}`, token),
  me: (token: string) => request(Me, 'GET', '/api/me', undefined, token),
  /** A new token for this member; the one sent stops working at once. */
  renewToken: (token: string) => request(Credentials, 'POST', '/api/me/token', undefined, token),
  /** A short-lived ticket that opens `/sync` sockets in place of the token. */
  syncTicket: (compoundId: string, token: string) =>
    request(SyncTicket, 'POST', `${compoundPath(compoundId)}/sync-ticket`, undefined, token),
  compound: (compoundId: string, token: string) =>
    request(CompoundInfo, 'GET', compoundPath(compoundId), undefined, token),
  revokeMember: (compoundId: string, memberId: string, token: string) =>
    send('DELETE', `${compoundPath(compoundId)}/members/${encodeURIComponent(memberId)}`, token),
  /** An admin makes a committee member an admin, or an admin (themselves too) a committee member. */
  setRole: (compoundId: string, memberId: string, token: string, body: SetRoleBody) =>
    send('PUT', `${compoundPath(compoundId)}/members/${encodeURIComponent(memberId)}/role`, token, body),
};
