import { Hono } from 'hono';
import * as v from 'valibot';
import { ApiError } from '../../shared/api/ApiError.ts';
import type { Invite, InviteList, InvitePreview } from '../../shared/api/answers.ts';
import { CreateInviteBody, InviteCode } from '../../shared/api/bodies.ts';
import { ApiErrorCode as Code } from '../../shared/errors.ts';
import { issueMessage } from '../../shared/issueMessage.ts';
import type { Member, MemberParty } from '../../shared/roles.ts';
import { isCommittee } from '../../shared/roles.ts';
import { requireMember, sameCompound } from '../auth/requireMember.ts';
import { newId } from '../auth/tokens.ts';
import { type AppEnv, readBody, type Services } from '../http.ts';
import type { RedeemRefusal } from '../storage/Storage.ts';

const refusals: Record<RedeemRefusal, ConstructorParameters<typeof ApiError>> = {
  not_found: [404, Code.InviteNotFound, 'no such invite'],
  revoked: [410, Code.InviteRevoked, 'this invite was revoked, or whoever made it is no longer a member'],
  expired: [410, Code.InviteExpired, 'this invite has expired'],
  used_up: [410, Code.InviteUsedUp, 'this invite has been used up'],
};

/** The error an invite that cannot be used answers with, the same for joining and for previewing. */
export function inviteRefused(reason: RedeemRefusal): ApiError {
  return new ApiError(...refusals[reason]);
}

function requireAdmin(member: Member, what: string): void {
  if (member.role !== 'admin') throw new ApiError(403, Code.Forbidden, `only admins ${what}`);
}

/** Minting, previewing, listing and revoking invites; redeeming one is `POST /join` (docs/PROTOCOL.md). */
export function inviteRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = requireMember(s.storage.accounts);

  // No auth: whoever holds the link sees which compound and as what before joining counts a use.
  app.get('/invites/:code', async (c) => {
    const code = v.safeParse(InviteCode, c.req.param('code'));
    if (!code.success) throw new ApiError(400, Code.BadRequest, `code: ${issueMessage(code.issues)}`);
    const found = await s.storage.accounts.previewInvite(code.output, s.now());
    if (!found.ok) throw inviteRefused(found.reason);
    const { role, party, unit, expiresAt } = found.invite;
    const preview: InvitePreview = {
      compoundName: found.compoundName,
      role,
      party,
      ...(unit !== undefined ? { unit } : {}),
      expiresAt,
    };
    // Uses and revocations change what it says: never from a cache.
    c.header('cache-control', 'no-store');
    return c.json(preview);
  });

  app.post('/compounds/:compoundId/invites', auth, async (c) => {
    const member = c.get('member');
    sameCompound(member, c.req.param('compoundId'));
    if (!isCommittee(member)) throw new ApiError(403, Code.Forbidden, 'only admins and committee members invite');
    const body = await readBody(c, CreateInviteBody);
    if (body.role === 'committee' && !body.party) {
      throw new ApiError(400, Code.BadRequest, 'party: a committee member belongs to a party');
    }
    if ((body.role === 'partner') !== (body.unit !== undefined)) {
      throw new ApiError(400, Code.BadRequest, 'unit: a partner invite names its unit, and only a partner invite');
    }
    if (body.role === 'partner' && body.party) {
      throw new ApiError(400, Code.BadRequest, 'party: a partner unit acts for no party');
    }
    // A resident sits for no party: one invited "for" a party could sign in for it at a meeting.
    if (body.role === 'resident' && body.party) {
      throw new ApiError(400, Code.BadRequest, 'party: a resident belongs to no party');
    }
    // Each party's approval stands for that party alone: only an admin adds members to another party.
    if (body.role === 'committee' && member.role !== 'admin' && body.party !== member.party) {
      throw new ApiError(
        403,
        Code.ForbiddenParty,
        'a committee member invites committee members of their own party only',
      );
    }
    const party: MemberParty = body.role === 'committee' ? body.party! : 'none';
    const code = newId(16);
    const expiresAt = s.now() + body.ttlHours * 3600_000;
    await s.storage.accounts.createInvite({
      code,
      compoundId: member.compoundId,
      role: body.role,
      party,
      ...(body.unit !== undefined ? { unit: body.unit.trim() } : {}),
      maxUses: body.maxUses,
      uses: 0,
      expiresAt,
      createdBy: member.memberId,
    });
    const origin = s.config.publicUrl ?? new URL(c.req.url).origin;
    const invite: Invite = { code, url: new URL(`/join/${code}`, origin).href, expiresAt };
    return c.json(invite, 201);
  });

  app.get('/compounds/:compoundId/invites', auth, async (c) => {
    const admin = c.get('member');
    sameCompound(admin, c.req.param('compoundId'));
    requireAdmin(admin, 'list invites');
    const rows = await s.storage.accounts.listInvites(admin.compoundId, s.now());
    // Codes are listed whole: an admin may mint a new invite anyway, and revoking names the code.
    const list: InviteList = {
      invites: rows.map(({ code, role, party, unit, maxUses, uses, expiresAt, createdBy }) => ({
        code,
        role,
        party,
        ...(unit !== undefined ? { unit } : {}),
        maxUses,
        uses,
        expiresAt,
        createdBy,
      })),
    };
    return c.json(list);
  });

  app.delete('/compounds/:compoundId/invites/:code', auth, async (c) => {
    const admin = c.get('member');
    sameCompound(admin, c.req.param('compoundId'));
    requireAdmin(admin, 'revoke invites');
    if (!(await s.storage.accounts.revokeInvite(admin.compoundId, c.req.param('code'), s.now()))) {
      throw new ApiError(404, Code.NotFound, 'no such invite');
    }
    return c.body(null, 204);
  });

  return app;
}
