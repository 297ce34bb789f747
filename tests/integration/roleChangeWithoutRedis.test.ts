import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { apiCall } from '../helpers/apiCall.ts';
import { addMember, connect, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { memberEvent } from '../helpers/relayEvents.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';
import { postgresAndRedisAvailable, usePostgresAndRedis } from '../helpers/usePostgresAndRedis.ts';

/**
 * Two instances share Postgres and Redis; a member's phone is on instance b, which did not change
 * their role. The word to close its sockets reaches Redis while b is too busy to read it (its process
 * stopped), and Redis restarts empty before b reads again: the word is gone, and the phone must
 * still not keep the role it lost.
 */
describe.skipIf(!postgresAndRedisAvailable)('a role change whose word Redis loses', () => {
  const services = usePostgresAndRedis();
  let a: TestServer | undefined;
  let b: ServerProcess | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    b?.proc.kill('SIGCONT');
    await Promise.all([a?.close(), b?.stop()]);
  });

  /** b's reader, stopped with its process, is no longer blocked in XREAD: what Redis gets now waits for b's next read. */
  const bStoppedReading = async () => {
    const clientsOfRedis = String(await services.redis.client.client('LIST')).split('\n');
    const idleReader = clientsOfRedis.some(
      (line) => / cmd=xread /.test(line) && !/ flags=\S*b/.test(line) && Number(/ idle=(\d+)/.exec(line)?.[1]) >= 1,
    );
    expect(idleReader).toBe(true);
  };

  it('closes the member’s sockets on the other instance with 4100 once Redis is back, and they reconnect as storage says', async () => {
    const env = await services.env();
    [a, b] = [await startTestServer(env), await startServerProcess({ env })];
    const setRole = (by: Session, target: Session, role: string) =>
      apiCall(a!.url, 'PUT', `/api/compounds/${by.compoundId}/members/${target.memberId}/role`, {
        body: { role },
        token: by.token,
      });
    const founder = await createCompound(a.url);
    const owners = await addMember(a.url, founder, { role: 'committee', party: 'owners' }, '业委会张主任');
    expect((await setRole(founder, owners, 'admin')).status).toBe(204);

    // The new admin's phone is on instance b, admitted as an admin.
    const phone = connect(b.wsUrl, owners);
    clients.push(phone);
    await synced(phone);

    b.proc.kill('SIGSTOP');
    await eventually(bStoppedReading, { timeout: 20_000, interval: 200 });
    expect((await setRole(founder, owners, 'committee')).status).toBe(204);
    // The word is in Redis, unread by b; then Redis restarts with nothing.
    await eventually(async () =>
      expect(await services.redis.client.xrange('ls:control', '-', '+')).toContainEqual([
        expect.any(String),
        expect.arrayContaining([owners.memberId, String(CloseCode.RoleChanged)]),
      ]),
    );
    await services.redis.halt('SIGKILL');
    await services.redis.resume({ empty: true });
    b.proc.kill('SIGCONT');

    await eventually(() => expect(phone.closes.map((c) => c.code)).toContain(CloseCode.RoleChanged), {
      timeout: 20_000,
    });
    // Reconnected, it is a committee member: setting the spending limit, an admin's event, is refused.
    await eventually(() => expect(phone.provider.wsconnected).toBe(true));
    await synced(phone);
    phone.events.push([memberEvent(owners, 'ledger.tier.set', { limitFen: 1_000_000, from: '2026-01-01' })]);
    await eventually(() => expect(phone.closes.map((c) => c.code)).toContain(CloseCode.UpdateRejected));
  }, 120_000);
});
