import { afterEach, describe, expect, it } from 'vitest';
import { addMember, connect, createCompound, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

describe('awareness (presence)', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('appears on the other phones, is echoed to the sender, and disappears when it leaves', async () => {
    server = await startTestServer();
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '记录员');
    const a = connect(server.wsUrl, admin, 'minutes-m1');
    const b = connect(server.wsUrl, bob, 'minutes-m1');
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    let echoes = 0;
    // An echo changes nothing in the sender's awareness, so count awareness frames on its socket.
    a.provider.ws?.addEventListener('message', (e: MessageEvent) => {
      if (new Uint8Array(e.data as ArrayBuffer)[0] === 1) echoes++;
    });
    a.provider.awareness.setLocalStateField('user', { name: '王秀英' });
    await eventually(() =>
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: '王秀英' } }),
    );
    await eventually(() => expect(echoes).toBeGreaterThan(0));
    a.destroy();
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });
});
