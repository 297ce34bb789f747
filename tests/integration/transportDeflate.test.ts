import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

/** The extensions header of the relay's upgrade answer to a ws client that offers permessage-deflate. */
async function negotiated(server: TestServer, session: Session): Promise<string | undefined> {
  const socket = new WebSocket(`${server.wsUrl}/${session.compoundId}/public?token=${session.token}`, {
    perMessageDeflate: true,
  });
  const header = await new Promise<string | undefined>((resolve, reject) => {
    socket.once('upgrade', (res: IncomingMessage) => resolve(res.headers['sec-websocket-extensions'] as string));
    socket.once('error', reject);
  });
  socket.close();
  return header;
}

/** Bytes the client's TCP socket has read so far. */
function bytesRead(client: TestClient): number {
  const ws = client.provider.ws as unknown as { _socket?: { bytesRead: number } } | null;
  return ws?._socket?.bytesRead ?? 0;
}

describe('permessage-deflate on the sync sockets', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  it('with WS_DEFLATE=on the relay accepts permessage-deflate when the client offers it', async () => {
    server = await startTestServer({ WS_DEFLATE: 'on' });
    const founder = await createCompound(server.url);
    expect(await negotiated(server, founder)).toMatch(/^permessage-deflate/);
  });

  it('by default the relay answers without the extension', async () => {
    server = await startTestServer();
    const founder = await createCompound(server.url);
    expect(await negotiated(server, founder)).toBeUndefined();
  });

  it("with WS_DEFLATE=on a new member's first sync arrives in well under half its bytes", async () => {
    server = await startTestServer({ WS_DEFLATE: 'on' });
    const founder = await createCompound(server.url);
    const writer = connect(server.wsUrl, founder);
    clients.push(writer);
    await synced(writer);
    const events = Array.from({ length: 300 }, (_, i) =>
      raised(founder, `${i}号楼门口路灯坏了，晚上回家看不见路，请物业尽快来修`),
    );
    for (let i = 0; i < events.length; i += 50) writer.events.push(events.slice(i, i + 50));
    await eventually(async () => {
      const probe = connect(server.wsUrl, founder);
      try {
        await synced(probe);
        expect(probe.events.length).toBe(events.length);
      } finally {
        probe.destroy();
      }
    });

    const fresh = connect(server.wsUrl, founder);
    clients.push(fresh);
    await synced(fresh);
    await eventually(() => expect(fresh.events.length).toBe(events.length));
    const updateBytes = Y.encodeStateAsUpdate(fresh.doc).byteLength;
    expect(bytesRead(fresh)).toBeLessThan(updateBytes / 2);
  });
});
