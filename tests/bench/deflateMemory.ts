/**
 * What permessage-deflate costs the relay per connection: RSS of a server process holding
 * `count` sockets that each synced a document of a few tens of KB (so its answer went compressed)
 * and sent their own frames compressed as Chromium does, with WS_DEFLATE off and on.
 * Needs `npm run build`; part of the weak-link section.
 */
import { readFileSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? Number.NaN);
}

/** The y-websocket sync step 1 of an empty document. */
function syncStep1(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
}

/** KB of server RSS per idle connection after its first sync, and the answer's compressed size. */
export async function deflateMemory(
  deflate: 'on' | 'off',
  events: number,
  count = 400,
): Promise<{ kbPerConnection: number }> {
  const server = await startServerProcess({
    built: true,
    env: { RATE_LIMITS: 'off', WS_DEFLATE: deflate, MAX_CONNECTIONS_PER_MEMBER: '100000' },
  });
  const sockets: WebSocket[] = [];
  try {
    const founder = await createCompound(server.url);
    const writer = connect(server.wsUrl, founder);
    await synced(writer);
    writer.events.push(
      Array.from({ length: events }, (_, i) => raised(founder, `${i}号楼门口路灯坏了，请物业尽快来修`)),
    );
    const url = `${server.wsUrl}/${founder.compoundId}/public?token=${founder.token}`;
    /** A socket that synced: it has the document's events (an answer over 1 KiB). */
    const opened = async (): Promise<WebSocket> => {
      // Chromium compresses every frame it sends once the extension is on; so does ws's client with context takeover.
      const ws = new WebSocket(url, { perMessageDeflate: true });
      const ok = await new Promise<boolean>((resolve, reject) => {
        ws.once('open', () => ws.send(syncStep1()));
        ws.on('message', (d: Buffer) => d.byteLength > 1024 && resolve(true));
        ws.once('error', reject);
        setTimeout(() => resolve(false), 5000);
      });
      if (!ok) {
        ws.terminate();
        throw new Error('no sync answer');
      }
      return ws;
    };
    // One socket first, so the room and its document are in memory before the baseline.
    await eventually(async () => sockets.push(await opened()));
    writer.destroy();
    await new Promise((r) => setTimeout(r, 1000));
    const before = rssKb(server.proc.pid!);
    for (let i = 0; i < count; i++) sockets.push(await opened());
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssKb(server.proc.pid!);
    return { kbPerConnection: (after - before) / count };
  } finally {
    for (const s of sockets) s.terminate();
    await server.stop();
  }
}
