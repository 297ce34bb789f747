import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { connect, createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer } from '../helpers/startServer.ts';

describe('a server that is shutting down', () => {
  it('sends away phones that reconnect while its rooms flush, and its close ends', async () => {
    const server = await startTestServer();
    const admin = await createCompound(server.url);
    // Phones reconnect within 300 ms of being sent away, as the stock client does after a close.
    const phones = [connect(server.wsUrl, admin), connect(server.wsUrl, admin)];
    try {
      await Promise.all(phones.map(synced));
      phones[0]!.events.push([raised(admin, '关门之前写的')]);
      await eventually(async () =>
        expect(await server.storage.docs.count(`${admin.compoundId}/public`)).toBeGreaterThan(0),
      );
      // The rooms flush while the HTTP server still listens (as when the flush is slow under load).
      await server.relay.close();
      const late = connect(server.wsUrl, admin);
      phones.push(late);
      await eventually(() =>
        expect(late.closes).toContainEqual({ code: CloseCode.GoingAway, reason: 'server shutting down' }),
      );
      expect(late.provider.synced).toBe(false);
      expect(server.relay.stats()).toEqual({ rooms: 0, connections: 0 });
      // Every phone keeps trying; the server still closes.
      await server.close();
      expect(phones.every((p) => !p.provider.wsconnected)).toBe(true);
    } finally {
      for (const p of phones) p.destroy();
    }
  });
});
