import { Hono } from 'hono';
import { ApiError } from '../../shared/api/ApiError.ts';
import type { Credentials } from '../../shared/api/answers.ts';
import type { SyncTicket } from '../../shared/api/syncTicket.ts';
import { CloseCode, ApiErrorCode as Code } from '../../shared/errors.ts';
import { bearerToken, requireMember, sameCompound } from '../auth/requireMember.ts';
import type { Tickets } from '../auth/TicketBook.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { AppEnv, Services } from '../http.ts';

/** A member's own credentials: rotating the token, and sync tickets for `/sync` (docs/PROTOCOL.md). */
export function tokenRoutes(s: Services, tickets: Tickets): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = requireMember(s.storage.accounts);

  app.post('/me/token', auth, async (c) => {
    const { memberId, compoundId, role, party, unit } = c.get('member');
    const old = bearerToken(c.req.header('authorization')) ?? '';
    const token = newToken();
    // Two rotations with the same old token: only the first wins.
    if (!(await s.storage.accounts.rotateToken(memberId, hashToken(old), hashToken(token)))) {
      throw new ApiError(401, Code.Unauthenticated, 'this token was rotated or revoked meanwhile');
    }
    // The new token is stored: the member gets it whatever the ticket store answers (a ticket of the
    // old one expires within its minute). Failing here would lock them out, their old token dead.
    try {
      await tickets.forgetMember(memberId);
    } catch (e) {
      s.log('warn', 'sync tickets of a rotated token not forgotten', { memberId, error: String(e) });
    }
    s.relay.disconnectMember(memberId, CloseCode.Unauthenticated, 'token rotated: connect with the new one');
    const credentials: Credentials = {
      compoundId,
      memberId,
      token,
      role,
      party,
      ...(unit !== undefined ? { unit } : {}),
    };
    return c.json(credentials);
  });

  app.post('/compounds/:compoundId/sync-ticket', auth, async (c) => {
    const member = c.get('member');
    sameCompound(member, c.req.param('compoundId'));
    const ticket: SyncTicket = await tickets.issue(member);
    return c.json(ticket, 201);
  });

  return app;
}
