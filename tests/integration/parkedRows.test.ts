import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, connect, createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

const titles = (events: Y.Array<unknown>) => (events.toArray() as { title: string }[]).map((e) => e.title);

describe('a stored row that builds on an item never stored', () => {
  const server = useTestServer();

  // Such a row exists when storage refused an event another instance stored first under the same id,
  // after the member's next update, building on it, was stored (a member sending one id to two
  // instances at once). Yjs keeps it parked in the room's doc; nobody else's write is to blame for it.
  it('stays parked, and members go on writing: their updates are not refused for it', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' });
    const room = `${admin.compoundId}/public`;
    const hostile = new Y.Doc();
    const updates: Uint8Array[] = [];
    hostile.on('update', (u: Uint8Array) => void updates.push(u));
    hostile.getArray('events').push([raised(admin, '被拒的那一条')]);
    hostile.getArray('events').push([raised(admin, '接在它后面的')]);
    await server.storage.docs.append(room, updates[1]!);

    const writer = connect(server.wsUrl, admin);
    const watcher = connect(server.wsUrl, bob);
    await Promise.all([synced(writer), synced(watcher)]);
    for (let i = 0; i < 3; i++) writer.events.push([raised(admin, `照常 ${i}`)]);
    await eventually(() => expect(titles(watcher.events)).toEqual(['照常 0', '照常 1', '照常 2']));
    expect(writer.closes).toEqual([]);
    // Still parked in the relay's copy: what it sends a new phone holds the row, never as an event.
    const fresh = connect(server.wsUrl, bob, 'public', new Y.Doc());
    await synced(fresh);
    expect(titles(fresh.events)).toEqual(['照常 0', '照常 1', '照常 2']);
    expect(fresh.doc.store.pendingStructs).not.toBeNull();
    for (const c of [writer, watcher, fresh]) c.destroy();
  });
});
