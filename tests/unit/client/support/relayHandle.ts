import type { Session } from '../../../helpers/clients.ts';

// Loaded after onlineBrowser.ts (import that first): the client's modules need its globals.
const { DocHandle } = await import('../../../../client/sync/DocHandle.ts');
const { api } = await import('../../../../client/sync/api.ts');

/** One of the member's documents on this phone, talking to the test relay the way the app does. */
export function handleFor(s: Session, docName: string): InstanceType<typeof DocHandle> {
  return new DocHandle({
    compoundId: s.compoundId,
    docName,
    memberId: s.memberId,
    ticket: async () => (await api.syncTicket(s.compoundId, s.token)).ticket,
    token: () => s.token,
    onFatal: () => undefined,
  });
}
