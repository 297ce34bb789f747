import 'fake-indexeddb/auto';
import { afterAll } from 'vitest';

/**
 * Just enough of a browser for the phone's sync layer in Node: IndexedDB (fake-indexeddb), offline,
 * so no relay link connects, a visible document whose link element whose click records the file it would download, and a
 * Map-backed localStorage (Node 20 has none).
 * Import it first; it puts the globals back after the file's tests.
 */
export const downloads: string[] = [];

const g = globalThis as Record<string, unknown>;
const saved = {
  window: g.window,
  document: g.document,
  location: g.location,
  WebSocket: g.WebSocket,
  localStorage: g.localStorage,
};
const navigatorWas = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
const urls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
g.window = new EventTarget();
Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true, writable: true });
g.location = { origin: 'http://localhost', pathname: '/' };
// Never opened offline; the relay link only reads its constants.
g.WebSocket ??= Object.assign(() => undefined, { OPEN: 1 });
// An EventTarget, for the tab shown again ('visibilitychange').
g.document = Object.assign(new EventTarget(), {
  visibilityState: 'visible',
  createElement: () => {
    const a = { download: '', href: '', click: () => downloads.push(a.download), remove: () => undefined };
    return a;
  },
  body: { append: () => undefined },
});
const kept = new Map<string, string>();
g.localStorage = {
  getItem: (k: string) => (kept.has(k) ? kept.get(k)! : null),
  setItem: (k: string, v: string) => void kept.set(k, String(v)),
  removeItem: (k: string) => void kept.delete(k),
  clear: () => kept.clear(),
  key: (i: number) => [...kept.keys()][i] ?? null,
  get length() {
    return kept.size;
  },
};
URL.createObjectURL = () => 'blob:copy';
URL.revokeObjectURL = () => undefined;

afterAll(() => {
  Object.assign(g, saved);
  if (navigatorWas) Object.defineProperty(globalThis, 'navigator', navigatorWas);
  URL.createObjectURL = urls.create;
  URL.revokeObjectURL = urls.revoke;
});

/** A DocHandle's options for a phone with no relay: member m1, a ticket that is never used. */
export function offlineDoc(compoundId: string, docName = 'public') {
  return { compoundId, docName, memberId: 'm1', ticket: async () => 'ticket', onFatal: () => undefined };
}
