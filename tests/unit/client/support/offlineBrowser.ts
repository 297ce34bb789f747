import 'fake-indexeddb/auto';
import { afterAll } from 'vitest';

/**
 * Just enough of a browser for the phone's sync layer in Node: IndexedDB (fake-indexeddb), offline,
 * so no relay link connects, and a link element whose click records the file it would download.
 * Import it first; it puts the globals back after the file's tests.
 */
export const downloads: string[] = [];

const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, document: g.document, location: g.location, WebSocket: g.WebSocket };
const navigatorWas = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
const urls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
g.window = new EventTarget();
Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true, writable: true });
g.location = { origin: 'http://localhost', pathname: '/' };
// Never opened offline; the relay link only reads its constants.
g.WebSocket ??= Object.assign(() => undefined, { OPEN: 1 });
g.document = {
  createElement: () => {
    const a = { download: '', href: '', click: () => downloads.push(a.download), remove: () => undefined };
    return a;
  },
  body: { append: () => undefined },
};
URL.createObjectURL = () => 'blob:copy';
URL.revokeObjectURL = () => undefined;

afterAll(() => {
  Object.assign(g, saved);
  if (navigatorWas) Object.defineProperty(globalThis, 'navigator', navigatorWas);
  URL.createObjectURL = urls.create;
  URL.revokeObjectURL = urls.revoke;
});
