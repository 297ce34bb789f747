import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addMember, connect, createCompound, raised, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { postgresAndRedisAvailable, usePostgresAndRedis } from '../helpers/usePostgresAndRedis.ts';

const servers = usePostgresAndRedis();

const ids = (events: Y.Array<unknown>) => new Set((events.toArray() as { id: string }[]).map((e) => e.id));

describe.skipIf(!postgresAndRedisAvailable)('an instance dies under writes', () => {
  it('what the other instance forwarded is stored, and the writer’s phone finishes on the survivor', async () => {
    const env = await servers.env();
    const procs: ServerProcess[] = [await startServerProcess({ env }), await startServerProcess({ env })];
    const [a, b] = procs as [ServerProcess, ServerProcess];
    const clients: TestClient[] = [];
    try {
      const admin = await createCompound(a.url);
      const bob = await addMember(b.url, admin, { role: 'resident' });
      const writer = connect(a.wsUrl, admin);
      const watcher = connect(b.wsUrl, bob);
      clients.push(writer, watcher);
      await Promise.all([synced(writer), synced(watcher)]);
      const seen = new Set<string>();
      watcher.events.observe((e) => {
        for (const d of e.changes.delta) for (const ev of (d.insert as { id: string }[]) ?? []) seen.add(ev.id);
      });
      let writing = true;
      const pump = (async () => {
        let n = 0;
        while (writing) {
          writer.events.push([raised(admin, `写入 ${n++}`)]);
          await new Promise((r) => setImmediate(r));
        }
      })();
      await eventually(() => expect(seen.size).toBeGreaterThan(100));
      await a.kill();
      writing = false;
      await pump;

      // The phone's copy holds everything it wrote; it reconnects to the instance still running.
      writer.provider.destroy();
      const moved = new WebsocketProvider(b.wsUrl, `${admin.compoundId}/public`, writer.doc, {
        params: { token: admin.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      const written = ids(writer.events);
      const fresh = connect(b.wsUrl, bob, 'public', new Y.Doc());
      clients.push(fresh);
      await eventually(() => {
        const stored = ids(fresh.events);
        expect([...seen].filter((id) => !stored.has(id))).toEqual([]);
        expect([...written].filter((id) => !stored.has(id))).toEqual([]);
      });
      moved.destroy();
    } finally {
      for (const c of clients) c.destroy();
      await Promise.all(procs.map((p) => p.stop()));
    }
  });
});
