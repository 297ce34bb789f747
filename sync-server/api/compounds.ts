import { Hono } from 'hono';
import { ApiError } from '../../shared/api/ApiError.ts';
import type { CompoundInfo, Credentials, Me } from '../../shared/api/answers.ts';
import { CreateCompoundBody, JoinBody, SetRoleBody } from '../../shared/api/bodies.ts';
import { CloseCode, ApiErrorCode as Code } from '../../shared/errors.ts';
import { type MemberJoinedEvent, memberJoined, memberRevoked, memberRoleChanged } from '../../shared/events/member.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { requireMember, sameCompound } from '../auth/requireMember.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { type AppEnv, readBody, type Services } from '../http.ts';
import type { MemberRow } from '../storage/Storage.ts';
import { inviteRefused, inviteRoutes } from './invites.ts';

const membersDoc = parseDocName('members')!;

/** The `member.joined` event the server writes into the members document when `m` joins, with `invitedBy`'s invite. */
export function joinedEvent(m: MemberRow, invitedBy?: string): MemberJoinedEvent {
  return memberJoined({
    id: newId(),
    at: m.joinedAt,
    memberId: m.memberId,
    name: m.name,
    role: m.role,
    party: m.party,
    invitedBy,
    unit: m.unit,
  });
}

/** Compounds, joining and membership, with the invite routes (docs/PROTOCOL.md lists the routes). */
export function membershipRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = requireMember(s.storage.accounts);
  app.route('/', inviteRoutes(s));

  app.post('/compounds', async (c) => {
    const body = await readBody(c, CreateCompoundBody);
    const now = s.now();
    const compoundId = newId(9);
    const token = newToken();
    const founder: MemberRow = {
      memberId: newId(9),
      compoundId,
      name: body.founderName.trim(),
      role: 'admin',
      party: body.party,
      joinedAt: now,
      revokedAt: null,
    };
    await s.storage.accounts.createCompound(
      { compoundId, name: body.name.trim(), createdAt: now },
      founder,
      hashToken(token),
    );
    await s.relay.appendServerEvents(compoundId, membersDoc, [joinedEvent(founder)]);
    const credentials: Credentials = {
      compoundId,
      memberId: founder.memberId,
      token,
      role: founder.role,
      party: founder.party,
    };
    return c.json(credentials, 201);
  });

  app.get('/compounds/:compoundId', auth, async (c) => {
    const member = c.get('member');
    sameCompound(member, c.req.param('compoundId'));
    const compound = await s.storage.accounts.getCompound(member.compoundId);
    if (!compound) throw new ApiError(404, Code.NotFound, 'no such compound');
    const info: CompoundInfo = { compoundId: compound.compoundId, name: compound.name, createdAt: compound.createdAt };
    return c.json(info);
  });

  app.post('/join', async (c) => {
    const body = await readBody(c, JoinBody);
    const now = s.now();
    const redeemed = await s.storage.accounts.redeemInvite(body.code, now);
    if (!redeemed.ok) throw inviteRefused(redeemed.reason);
    const { invite } = redeemed;
    const token = newToken();
    const member: MemberRow = {
      memberId: newId(9),
      compoundId: invite.compoundId,
      name: body.name.trim(),
      role: invite.role,
      party: invite.party,
      ...(invite.unit !== undefined ? { unit: invite.unit } : {}),
      joinedAt: now,
      revokedAt: null,
    };
    await s.storage.accounts.addMember(member, hashToken(token));
    await s.relay.appendServerEvents(member.compoundId, membersDoc, [joinedEvent(member, invite.createdBy)]);
    const credentials: Credentials = {
      compoundId: member.compoundId,
      memberId: member.memberId,
      token,
      role: member.role,
      party: member.party,
      ...(member.unit !== undefined ? { unit: member.unit } : {}),
    };
    return c.json(credentials, 201);
  });

  app.get('/me', auth, (c) => {
    const { memberId, compoundId, name, role, party, unit } = c.get('member');
    const me: Me = { memberId, compoundId, name, role, party, ...(unit !== undefined ? { unit } : {}) };
    return c.json(me);
  });

  app.delete('/compounds/:compoundId/members/:memberId', auth, async (c) => {
    const admin = c.get('member');
    sameCompound(admin, c.req.param('compoundId'));
    if (admin.role !== 'admin') throw new ApiError(403, Code.Forbidden, 'only admins remove members');
    const memberId = c.req.param('memberId');
    const at = s.now();
    // One transaction steps an admin down and revokes, reading the remover's role with the change: one
    // who lost it since this request began removes nobody, and nothing is left half done.
    const result = await s.storage.accounts.removeMember(memberId, at, admin.memberId);
    if (!result.ok) {
      if (result.reason === 'not_found') throw new ApiError(404, Code.NotFound, 'no such member');
      if (result.reason === 'not_admin') throw new ApiError(403, Code.Forbidden, 'only admins remove members');
      if (result.reason === 'self') throw new ApiError(409, Code.Conflict, 'you cannot remove yourself');
      throw new ApiError(409, Code.LastAdmin, 'the only admin cannot be removed');
    }
    if (!result.removed) return c.body(null, 204);
    // Sockets first, before anything else can fail: none keeps rights its member lost.
    s.relay.disconnectMember(memberId, CloseCode.Unauthenticated, 'revoked: removed from the compound');
    // An admin removed was made a committee member too: the members document says both, in that order.
    await s.relay.appendServerEvents(admin.compoundId, membersDoc, [
      ...(result.steppedDown
        ? [memberRoleChanged({ id: newId(), at, by: admin.memberId, memberId, role: 'committee' })]
        : []),
      memberRevoked({ id: newId(), at, by: admin.memberId, memberId }),
    ]);
    return c.body(null, 204);
  });

  // Handing the admin role over: an admin makes a committee member an admin, or makes an admin (themselves
  // included) a committee member again, as long as the compound keeps an admin (checked in storage).
  app.put('/compounds/:compoundId/members/:memberId/role', auth, async (c) => {
    const admin = c.get('member');
    sameCompound(admin, c.req.param('compoundId'));
    if (admin.role !== 'admin') throw new ApiError(403, Code.Forbidden, 'only admins change roles');
    const { role } = await readBody(c, SetRoleBody);
    const target = await s.storage.accounts.getMember(c.req.param('memberId'));
    if (!target || target.compoundId !== admin.compoundId) throw new ApiError(404, Code.NotFound, 'no such member');
    const at = s.now();
    // The admin's own role is read again under the change's lock: one who lost it since this request
    // began (another admin took it, perhaps at the same moment) changes nothing.
    const result = await s.storage.accounts.setRole(target.memberId, role, at, admin.memberId);
    if (!result.ok) {
      if (result.reason === 'not_found') throw new ApiError(404, Code.NotFound, 'no such member');
      if (result.reason === 'not_admin') throw new ApiError(403, Code.Forbidden, 'only admins change roles');
      if (result.reason === 'not_committee')
        throw new ApiError(409, Code.NotCommittee, 'only committee members can be admins');
      throw new ApiError(409, Code.LastAdmin, 'the only admin cannot step back');
    }
    // Their connections were checked under the role they had: closed before anything else can fail,
    // and again when the role was already given (a retry after the event could not be written), so no
    // socket keeps rights its member lost. They reconnect under the role storage holds.
    s.relay.disconnectMember(target.memberId, CloseCode.RoleChanged, `role changed: ${role}`);
    if (result.changed) {
      await s.relay.appendServerEvents(admin.compoundId, membersDoc, [
        memberRoleChanged({ id: newId(), at, by: admin.memberId, memberId: target.memberId, role }),
      ]);
    }
    return c.body(null, 204);
  });

  return app;
}
