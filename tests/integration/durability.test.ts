import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, connect, createCompound, raised, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';

describe('durability', () => {
  let proc: ServerProcess | undefined;
  let clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.destroy();
    clients = [];
    await proc?.stop();
  });

  it('every update a client saw forwarded survives a SIGKILL of the server under writes', async () => {
    proc = await startServerProcess({ env: { COMPACT_EVERY: '25' } });
    const admin = await createCompound(proc.url);
    const bob = await addMember(proc.url, admin, { role: 'resident' });
    const writer = connect(proc.wsUrl, admin);
    const watcher = connect(proc.wsUrl, bob);
    clients = [writer, watcher];
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
    await eventually(() => expect(seen.size).toBeGreaterThan(200));
    await proc.kill();
    writing = false;
    await pump;
    const forwarded = new Set(seen);
    for (const c of clients) c.destroy();
    clients = [];

    proc = await startServerProcess({ dataDir: proc.dataDir, env: { COMPACT_EVERY: '25' } });
    const fresh = connect(proc.wsUrl, bob, 'public', new Y.Doc());
    clients = [fresh];
    await synced(fresh);
    const stored = new Set((fresh.events.toArray() as { id: string }[]).map((e) => e.id));
    const lost = [...forwarded].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(forwarded.size);
  });
});
