import WebSocket from 'ws';
import { downloads } from './offlineBrowser.ts';

/**
 * offlineBrowser.ts, then online: `ws` as WebSocket, fetch of relative URLs and `location` aimed at a
 * test relay (call aim(url) once the server runs), and a localStorage (Node 20 has none). Import it
 * first.
 */

export { downloads };

const g = globalThis as Record<string, unknown>;
// Node 20 has no localStorage: a Map-backed one (unsentDocs.ts, agendaFirstScreen.ts use it).
if (typeof g.localStorage === 'undefined') {
  const m = new Map<string, string>();
  g.localStorage = {
    getItem: (k: string) => (m.has(k) ? m.get(k)! : null),
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    key: (i: number) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}
g.WebSocket = WebSocket;
const realFetch = globalThis.fetch;
let base = '';
globalThis.fetch = ((url: string | URL | Request, init?: RequestInit) =>
  realFetch(typeof url === 'string' && url.startsWith('/') ? `${base}${url}` : url, init)) as typeof fetch;

export function aim(url: string): void {
  base = url;
  g.location = { origin: url, pathname: '/' };
  (globalThis.navigator as { onLine: boolean }).onLine = true;
}
export function goOffline(): void {
  (globalThis.navigator as { onLine: boolean }).onLine = false;
  (g.window as EventTarget).dispatchEvent(new Event('offline'));
}
export function goOnline(): void {
  (globalThis.navigator as { onLine: boolean }).onLine = true;
  (g.window as EventTarget).dispatchEvent(new Event('online'));
}
