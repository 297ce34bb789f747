import { ApiError } from '../../shared/api/ApiError.ts';
import { CloseCode, ApiErrorCode as Code } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocRef } from '../../shared/rooms.ts';
import { admitSocket, type SyncCredential } from '../auth/admitSocket.ts';
import type { Tickets } from '../auth/TicketBook.ts';
import type { AccountStore } from '../storage/Storage.ts';

const refusal: Record<number, [401 | 403 | 404, Code]> = {
  [CloseCode.Unauthenticated]: [401, Code.Unauthenticated],
  [CloseCode.Forbidden]: [403, Code.Forbidden],
  [CloseCode.NotFound]: [404, Code.NotFound],
};

/**
 * The socket's admission (`admitSocket`) for an HTTP route that serves a document's content: the
 * member and document, or an ApiError with the status and code the socket's close code stands for.
 */
export async function admitForDocument(
  accounts: AccountStore,
  tickets: Tickets,
  compoundId: string,
  docName: string,
  credential: SyncCredential,
): Promise<{ member: Member; doc: DocRef }> {
  const admission = await admitSocket(accounts, tickets, compoundId, docName, credential);
  if (admission.ok) return admission;
  const [status, code] = refusal[admission.code] ?? [403, Code.Forbidden];
  throw new ApiError(status, code, admission.reason);
}
