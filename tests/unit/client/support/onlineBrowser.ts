import WebSocket from 'ws';
import { downloads } from './offlineBrowser.ts';

/**
 * offlineBrowser.ts, then online: `ws` as WebSocket, fetch of relative URLs and `location` aimed at a
 * test relay (call aim(url) once the server runs). Import it first.
 */

export { downloads };

const g = globalThis as Record<string, unknown>;
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
