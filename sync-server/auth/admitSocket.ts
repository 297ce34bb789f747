import { CloseCode } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocRef } from '../../shared/rooms.ts';
import { canRead, idPattern, parseDocName } from '../../shared/rooms.ts';
import type { AccountStore } from '../storage/Storage.ts';
import { memberForToken } from './requireMember.ts';

export type Admission = { ok: true; member: Member; doc: DocRef } | { ok: false; code: CloseCode; reason: string };

/** Whether a websocket to `/sync/<compoundId>/<docName>?token=` may join its room, and as whom (docs/PROTOCOL.md). */
export async function admitSocket(
  accounts: AccountStore,
  compoundId: string,
  docName: string,
  token: string | undefined,
): Promise<Admission> {
  const doc = parseDocName(docName);
  const member = await memberForToken(accounts, token);
  if (!idPattern.test(compoundId) || !doc) return { ok: false, code: CloseCode.NotFound, reason: 'no such document' };
  if (!member) return { ok: false, code: CloseCode.Unauthenticated, reason: 'missing, unknown or revoked token' };
  if (member.compoundId !== compoundId) {
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a member of this compound' };
  }
  if (!canRead(doc.kind, member)) {
    return { ok: false, code: CloseCode.Forbidden, reason: `${doc.name} is for the committee only` };
  }
  return { ok: true, member, doc };
}
