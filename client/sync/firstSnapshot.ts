import * as Y from 'yjs';
import type { TicketSource } from './ticketSocket.ts';

/**
 * How long a first join's snapshot may go without a byte before it is given up for the socket. Not
 * a limit on the whole download: on weak data a slow one still beats the socket's bigger answer.
 */
export const SNAPSHOT_STALL_MS = 15_000;

/** Transaction origin of a document's state fetched whole on a first join. */
export const snapshotOrigin = { kind: 'snapshot' } as const;

/**
 * A phone that holds nothing of a document yet fetches its whole state over HTTP, brotli-compressed,
 * before the socket connects (docs/PROTOCOL.md): on weak mobile data that is a third fewer bytes
 * than the socket's answer, and the socket then sends only what is newer.
 */
export async function firstSnapshot(
  from: {
    compoundId: string;
    docName: string;
    ticket: TicketSource;
    token?: () => string;
    /** The relay's origin; the page's own when absent. */
    base?: string;
  },
  doc: Y.Doc,
  stallMs = SNAPSHOT_STALL_MS,
) {
  if (doc.store.clients.size > 0 || globalThis.navigator?.onLine === false) return;
  const path = `${from.base ?? ''}/api/compounds/${encodeURIComponent(from.compoundId)}/docs/${encodeURIComponent(from.docName)}/snapshot`;
  // The document waits for this before it connects: a download that stops moving is given up.
  const stalled = new AbortController();
  let watchdog = setTimeout(() => stalled.abort(), stallMs);
  const moved = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => stalled.abort(), stallMs);
  };
  let update: Uint8Array;
  try {
    // The token in a header where the phone has one: a ticket would cost a round trip first.
    const token = from.token?.();
    const init = { cache: 'no-store', signal: stalled.signal } as const;
    const res = token
      ? await fetch(path, { ...init, headers: { authorization: `Bearer ${token}` } })
      : await fetch(`${path}?ticket=${encodeURIComponent(await from.ticket())}`, init);
    // 204: too small to be worth it; an error answer: the socket says it again, with a close code.
    if (res.status !== 200 || !res.body) return;
    moved();
    const chunks: Uint8Array[] = [];
    const reader = res.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      moved();
    }
    update = concat(chunks);
  } catch {
    // Offline, cut off half-way or stalled: the socket brings the whole document as it always did.
    return;
  } finally {
    clearTimeout(watchdog);
  }
  try {
    Y.applyUpdate(doc, update, snapshotOrigin);
  } catch {
    // A damaged body is no worse than none: the socket sends everything the doc lacks.
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
