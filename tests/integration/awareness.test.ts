import { describe, expect, it } from 'vitest';
import { addMember, createCompound, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('awareness (presence)', () => {
  const server = useTestServer();

  it('appears on the other phones, is echoed to the sender, and disappears when it leaves', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'committee', party: 'owners' }, '记录员');
    const a = server.connect(admin, 'minutes-m1');
    const b = server.connect(bob, 'minutes-m1');
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
