import type { Party } from '../../../shared/roles.ts';
import { updateAccount } from '../../domain/accounts.ts';
import { api, type Invite, type InviteSummary } from '../../domain/api.ts';
import type { CompoundSession } from '../../domain/session.ts';

export interface InviteInput {
  role: 'resident' | 'committee' | 'partner';
  party?: Party;
  /** A partner invite's unit (共建单位). */
  unit?: string;
  maxUses: number;
  ttlHours: number;
}

/** Asks the server for an invite; the link is absolute so it can be sent or drawn as a QR code. */
export async function createInvite(session: CompoundSession, input: InviteInput): Promise<Invite & { link: string }> {
  const body = {
    role: input.role,
    maxUses: input.maxUses,
    ttlHours: input.ttlHours,
    ...(input.role === 'committee' && input.party ? { party: input.party } : {}),
    ...(input.role === 'partner' && input.unit ? { unit: input.unit.trim() } : {}),
  };
  const invite = await api.createInvite(session.compoundId, session.account.token, body);
  return { ...invite, link: new URL(invite.url, location.origin).href };
}

/** Removes a member (admins): the server closes their connections and appends member.revoked. */
export async function revokeMember(session: CompoundSession, memberId: string): Promise<void> {
  await api.revokeMember(session.compoundId, memberId, session.account.token);
}

/**
 * Makes a committee member an admin, or an admin a committee member (admins; the server keeps one
 * admin at least). Stepping back, this phone's own account takes the new role at once; any other
 * member's phone hears it from the relay, which closes their sockets to check them again.
 */
export async function setRole(session: CompoundSession, memberId: string, role: 'admin' | 'committee'): Promise<void> {
  await api.setRole(session.compoundId, memberId, session.account.token, { role });
  if (memberId === session.account.memberId) await updateAccount(session.compoundId, { role });
}

/** The compound's invites that can still be used (admins). */
export async function listInvites(session: CompoundSession): Promise<InviteSummary[]> {
  return (await api.listInvites(session.compoundId, session.account.token)).invites;
}

/** Revokes an invite (admins): its link stops working; whoever already joined stays. */
export async function revokeInvite(session: CompoundSession, code: string): Promise<void> {
  await api.revokeInvite(session.compoundId, code, session.account.token);
}
