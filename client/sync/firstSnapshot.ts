import * as Y from 'yjs';
import type { TicketSource } from './ticketSocket.ts';

/** Transaction origin of a document's state fetched whole on a first join. */
export const snapshotOrigin = { kind: 'snapshot' } as const;

/**
 * A phone that holds nothing of a document yet fetches its whole state over HTTP, brotli-compressed,
 * before the socket connects (docs/PROTOCOL.md): on weak mobile data that is a third fewer bytes
 * than the socket's answer, and the socket then sends only what is newer.
 */
export async function firstSnapshot(
  from: { compoundId: string; docName: string; ticket: TicketSource; token?: () => string },
  doc: Y.Doc,
) {
  if (doc.store.clients.size > 0 || globalThis.navigator?.onLine === false) return;
  const path = `/api/compounds/${encodeURIComponent(from.compoundId)}/docs/${encodeURIComponent(from.docName)}/snapshot`;
  let update: Uint8Array;
  try {
    // The token in a header where the phone has one: a ticket would cost a round trip first.
    const token = from.token?.();
    const res = token
      ? await fetch(path, { cache: 'no-store', headers: { authorization: `Bearer ${token}` } })
      : await fetch(`${path}?ticket=${encodeURIComponent(await from.ticket())}`, { cache: 'no-store' });
    // 204: too small to be worth it; an error answer: the socket says it again, with a close code.
    if (res.status !== 200) return;
    update = new Uint8Array(await res.arrayBuffer());
  } catch {
    // Offline or cut off half-way: the socket brings the whole document as it always did.
    return;
  }
  try {
    Y.applyUpdate(doc, update, snapshotOrigin);
  } catch {
    // A damaged body is no worse than none: the socket sends everything the doc lacks.
  }
}
