import { ApiError } from '../../shared/api/ApiError.ts';
import { type ApiErrorBody, ApiErrorCode } from '../../shared/errors.ts';
import type { MemberParty, Party, Role } from '../../shared/roles.ts';

export { ApiError };

export interface Credentials {
  compoundId: string;
  memberId: string;
  token: string;
  role: Role;
  party: MemberParty;
}

export interface Invite {
  code: string;
  url: string;
  expiresAt: number | string;
}

export interface Me {
  memberId: string;
  compoundId: string;
  name: string;
  role: Role;
  party: MemberParty;
}

const knownCodes = new Set<string>(Object.values(ApiErrorCode));

async function request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
      // Weak mobile data: give up rather than spin forever.
      signal: AbortSignal.timeout(20_000),
    });
  } catch (e) {
    throw new ApiError(0, 'network', String(e));
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const err = (json as Partial<ApiErrorBody> | undefined)?.error;
    const code = err && knownCodes.has(err.code) ? err.code : statusCode(res.status);
    throw new ApiError(res.status, code, err?.message ?? res.statusText);
  }
  return json as T;
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

export const api = {
  createCompound: (body: { name: string; founderName: string; party: Party }) =>
    request<Credentials>('POST', '/api/compounds', body),
  join: (body: { code: string; name: string }) => request<Credentials>('POST', '/api/join', body),
  createInvite: (
    compoundId: string,
    token: string,
    body: { role: 'resident' | 'committee'; party?: Party; maxUses?: number; ttlHours?: number },
  ) => request<Invite>('POST', `/api/compounds/${encodeURIComponent(compoundId)}/invites`, body, token),
  me: (token: string) => request<Me>('GET', '/api/me', undefined, token),
  compound: (compoundId: string, token: string) =>
    request<{ compoundId: string; name: string }>(
      'GET',
      `/api/compounds/${encodeURIComponent(compoundId)}`,
      undefined,
      token,
    ),
  revokeMember: (compoundId: string, memberId: string, token: string) =>
    request<void>(
      'DELETE',
      `/api/compounds/${encodeURIComponent(compoundId)}/members/${encodeURIComponent(memberId)}`,
      undefined,
      token,
    ),
};
