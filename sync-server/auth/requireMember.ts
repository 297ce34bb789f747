import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../shared/api/ApiError.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import type { AppEnv } from '../http.ts';
import type { AccountStore, MemberRow } from '../storage/Storage.ts';
import { hashToken } from './tokens.ts';

/** A stored member who is still a member. */
export function activeMember(row: MemberRow | undefined): Member | undefined {
  if (!row || row.revokedAt !== null) return undefined;
  const { memberId, compoundId, name, role, party, unit } = row;
  return { memberId, compoundId, name, role, party, ...(unit !== undefined ? { unit } : {}) };
}

/** The member a token belongs to, if it is known and not revoked. */
export async function memberForToken(accounts: AccountStore, token: string | undefined): Promise<Member | undefined> {
  if (!token || token.length > 200) return undefined;
  return activeMember(await accounts.memberByTokenHash(hashToken(token)));
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** Bearer authentication for the API; sets `member`. */
export function requireMember(accounts: AccountStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const member = await memberForToken(accounts, bearerToken(c.req.header('authorization')));
    if (!member) throw new ApiError(401, ApiErrorCode.Unauthenticated, 'a valid Bearer token is required');
    c.set('member', member);
    await next();
  };
}

/** The member must belong to the compound named in the path. */
export function sameCompound(member: Member, compoundId: string): void {
  if (member.compoundId !== compoundId) {
    throw new ApiError(403, ApiErrorCode.Forbidden, 'you are not a member of this compound');
  }
}
