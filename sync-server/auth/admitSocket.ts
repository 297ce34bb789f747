import { CloseCode } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocRef } from '../../shared/rooms.ts';
import { canRead, idPattern, parseDocName } from '../../shared/rooms.ts';
import type { AccountStore } from '../storage/Storage.ts';
import { activeMember, memberForToken } from './requireMember.ts';
import type { Tickets } from './TicketBook.ts';

export type Admission = { ok: true; member: Member; doc: DocRef } | { ok: false; code: CloseCode; reason: string };

/** What a socket shows at `/sync`: a sync ticket, or (for clients without one) the member token. */
export interface SyncCredential {
  ticket?: string | undefined;
  token?: string | undefined;
}

async function memberOf(accounts: AccountStore, tickets: Tickets, credential: SyncCredential) {
  if (credential.ticket === undefined) return memberForToken(accounts, credential.token);
  const memberId = await tickets.holder(credential.ticket);
  return memberId === undefined ? undefined : activeMember(await accounts.getMember(memberId));
}

/** Whether a websocket to `/sync/<compoundId>/<docName>?ticket=` (or `?token=`) may join its room, and as whom (docs/PROTOCOL.md). */
export async function admitSocket(
  accounts: AccountStore,
  tickets: Tickets,
  compoundId: string,
  docName: string,
  credential: SyncCredential,
): Promise<Admission> {
  const doc = parseDocName(docName);
  const member = await memberOf(accounts, tickets, credential);
  if (!idPattern.test(compoundId) || !doc) return { ok: false, code: CloseCode.NotFound, reason: 'no such document' };
  if (!member)
    return { ok: false, code: CloseCode.Unauthenticated, reason: 'missing, unknown, expired or revoked credential' };
  if (member.compoundId !== compoundId) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a member of this compound' };
  }
  if (!canRead(doc.kind, member)) {
    return { ok: false, code: CloseCode.Forbidden, reason: `${doc.name} is for the committee only` };
  }
  return { ok: true, member, doc };
}
