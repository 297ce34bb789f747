import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Party } from '../../shared/roles.ts';

export interface Session {
  compoundId: string;
  memberId: string;
  token: string;
  role: string;
  party: string;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Creates a compound through the API; the founder is its admin. */
export function createCompound(
  base: string,
  body: { name?: string; founderName?: string; party?: Party } = {},
): Promise<Session> {
  return post(`${base}/api/compounds`, { name: '阳光小区', founderName: '王秀英', party: 'owners', ...body });
}

/** Invites and joins a new member in one go. */
export async function addMember(
  base: string,
  admin: Session,
  invite: { role: 'resident' | 'committee' | 'partner'; party?: Party; unit?: string },
  name = '李建国',
): Promise<Session> {
  const { code } = await post<{ code: string }>(
    `${base}/api/compounds/${admin.compoundId}/invites`,
    invite,
    admin.token,
  );
  return post(`${base}/api/join`, { code, name });
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  events: Y.Array<unknown>;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** A stock y-websocket client in Node: `ws` as WebSocket, no BroadcastChannel (it would bypass the relay). */
export function connect(wsUrl: string, session: Session, docName = 'public', doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsUrl, `${session.compoundId}/${docName}`, doc, {
    params: { token: session.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  let destroyed = false;
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    events: doc.getArray('events'),
    closes,
    destroy() {
      // A test may destroy a client itself before the server's clean-up does.
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}

let seq = 0;
/** A valid `request.raised` event by the session's member. */
export function raised(session: Session, title = '3号楼门口路灯坏了', extra: Record<string, unknown> = {}) {
  seq++;
  return {
    id: `e-${process.pid}-${seq}-${Math.random().toString(36).slice(2)}`,
    type: 'request.raised',
    at: Date.now(),
    by: session.memberId,
    title,
    category: 'lighting',
    ...extra,
  };
}

export function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const on = (s: boolean) => {
      if (s) {
        client.provider.off('sync', on);
        resolve();
      }
    };
    client.provider.on('sync', on);
  });
}
