import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { createDemoCompound } from '../../sync-server/demo.ts';
import { type Session, synced } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('the demo compound', () => {
  const server = useTestServer();

  it('is joined by its invite and opens with months of realistic, valid records', async () => {
    const { inviteCode } = await createDemoCompound(server.services);
    const res = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: inviteCode, name: '试用的人' }),
    });
    expect(res.status).toBe(201);
    const me = (await res.json()) as Session;
    expect(me).toMatchObject({ role: 'committee', party: 'owners' });
    const pub = server.connect(me, 'public');
    const members = server.connect(me, 'members');
    await Promise.all([synced(pub), synced(members)]);
    const state = foldEvents(pub.events.toArray());
    expect(Object.keys(state.agenda.requests).length).toBeGreaterThan(50);
    expect(state.anomalies.length).toBeLessThan(pub.events.length / 100);
    expect(members.events.length).toBeGreaterThan(10);
  });
});
