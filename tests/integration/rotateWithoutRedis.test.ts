import { afterAll, describe, expect, it } from 'vitest';
import type { Credentials } from '../../shared/api/answers.ts';
import { addMember, createCompound } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';
import { postgresAndRedisAvailable, usePostgresAndRedis } from '../helpers/usePostgresAndRedis.ts';

const servers = usePostgresAndRedis();

describe.skipIf(!postgresAndRedisAvailable)('rotating a token while Redis is down', () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('still hands the member the new token, which works; the old one does not; the relay then stops at once', async () => {
    server = await startTestServer(await servers.env());
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' });
    const me = (token: string) => fetch(`${server!.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(bob.token)).status).toBe(200);

    // The shared sync tickets are in Redis, which is gone: the rotation is stored in Postgres all the same.
    await servers.redis.halt('SIGKILL');
    const rotated = await fetch(`${server.url}/api/me/token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.token}` },
    });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as Credentials;
    expect(fresh.token).not.toBe(bob.token);
    expect((await me(fresh.token)).status).toBe(200);
    expect((await me(bob.token)).status).toBe(401);
    // Its bus and tickets let go of the dead Redis instead of waiting through its reconnects.
    await server.close();
    server = undefined;
  }, 60_000);
});
