import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/errors.ts';
import { hashToken } from '../../sync-server/auth/tokens.ts';
import { addMember, createCompound, raised, type Session, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

interface Socket {
  ws: WebSocket;
  opened: Promise<void>;
  received: Buffer[];
  close: { code: number; reason: string } | undefined;
}

/** A bare websocket to `/sync/<compound>/<doc>?<query>`, remembering how it closed. */
function openSync(wsUrl: string, compoundId: string, docName: string, query: string): Socket {
  const ws = new WebSocket(`${wsUrl}/${compoundId}/${docName}?${query}`);
  const socket: Socket = {
    ws,
    received: [],
    close: undefined,
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    }),
  };
  ws.on('message', (data: Buffer) => socket.received.push(data));
  ws.on('close', (code, reason) => {
    socket.close = { code, reason: reason.toString() };
  });
  return socket;
}

describe('rotating a member’s token', () => {
  const server = useTestServer();
  const post = (path: string, token: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

  it('gives a new token, and the old one stops working at once: its sockets close with 4401', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '换手机的老周');
    const open = server.connect(bob, 'public');
    await synced(open);

    const res = await post('/api/me/token', bob.token);
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as Session;
    expect(fresh).toMatchObject({ memberId: bob.memberId, compoundId: bob.compoundId, role: 'resident' });
    expect(fresh.token).not.toBe(bob.token);

    await eventually(() => expect(open.closes[0]?.code).toBe(CloseCode.Unauthenticated));
    const me = (token: string) => fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me(bob.token)).status).toBe(401);
    expect((await me(fresh.token)).status).toBe(200);
    const stale = openSync(server.wsUrl, bob.compoundId, 'public', `token=${bob.token}`);
    await eventually(() => expect(stale.close?.code).toBe(CloseCode.Unauthenticated));
    const again = server.connect(fresh, 'public');
    await synced(again);
    expect(again.closes).toEqual([]);
  });

  it('answers a partner with the same credentials as their join did, their unit included', async () => {
    const admin = await createCompound(server.url);
    const pharmacy = await addMember(server.url, admin, { role: 'partner', unit: '惠民药房' }, '药房小吴');
    const res = await post('/api/me/token', pharmacy.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'partner', party: 'none', unit: '惠民药房' });
  });
});

describe('sync tickets', () => {
  const server = useTestServer();
  const ticketFor = async (session: Session, compoundId = session.compoundId) => {
    const res = await fetch(`${server.url}/api/compounds/${compoundId}/sync-ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    return { status: res.status, body: (await res.json()) as { ticket: string; expiresAt: number } };
  };

  it('a short-lived ticket opens /sync in place of the token, and the member’s writes go through', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '用票的居民');
    const watcher = server.connect(admin, 'public');
    await synced(watcher);
    const before = Date.now();
    const { status, body } = await ticketFor(bob);
    expect(status).toBe(201);
    expect(body.ticket).not.toBe(bob.token);
    expect(body.expiresAt).toBeGreaterThan(before);
    expect(body.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);

    const phone = server.connect({ ...bob, token: 'unused' }, 'public');
    phone.provider.params = { ticket: body.ticket };
    phone.provider.disconnect();
    phone.provider.connect();
    await synced(phone);
    phone.events.push([raised(bob, '凭票连上了')]);
    await eventually(() =>
      expect(watcher.events.toArray()).toContainEqual(expect.objectContaining({ title: '凭票连上了' })),
    );
  });

  it('a ticket is no Bearer token, is for its own compound only, and dies with a rotation', async () => {
    const admin = await createCompound(server.url);
    const other = await createCompound(server.url, { name: '隔壁小区' });
    const { body } = await ticketFor(admin);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${body.ticket}` } });
    expect(me.status).toBe(401);
    expect((await ticketFor(admin, other.compoundId)).status).toBe(403);
    const foreign = openSync(server.wsUrl, other.compoundId, 'public', `ticket=${body.ticket}`);
    await eventually(() => expect(foreign.close?.code).toBe(CloseCode.Forbidden));
    const bogus = openSync(server.wsUrl, admin.compoundId, 'public', 'ticket=not-a-ticket');
    await eventually(() => expect(bogus.close?.code).toBe(CloseCode.Unauthenticated));

    const rotated = await fetch(`${server.url}/api/me/token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(rotated.status).toBe(200);
    const late = openSync(server.wsUrl, admin.compoundId, 'public', `ticket=${body.ticket}`);
    await eventually(() => expect(late.close?.code).toBe(CloseCode.Unauthenticated));
  });

  it('the member token in the URL keeps working', async () => {
    const admin = await createCompound(server.url);
    const socket = openSync(server.wsUrl, admin.compoundId, 'public', `token=${admin.token}`);
    await socket.opened;
    // The relay greets an admitted socket with its SyncStep1 (message type 0).
    await eventually(() => expect(socket.received[0]?.[0]).toBe(0));
    expect(socket.close).toBeUndefined();
    socket.ws.close();
  });
});

describe('a token revoked while its socket is being opened', () => {
  const server = useTestServer();

  it('loses that socket with 4401 as soon as it opens', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '刚被移除的人');
    const accounts = server.storage.accounts;
    const lookup = accounts.memberByTokenHash.bind(accounts);
    let armed = true;
    // The admin removes bob right after the upgrade read his token, before the socket opens.
    accounts.memberByTokenHash = async (hash) => {
      const row = await lookup(hash);
      if (armed && hash === hashToken(bob.token)) {
        armed = false;
        await accounts.revokeMember(bob.memberId, Date.now());
        server.relay.disconnectMember(bob.memberId, CloseCode.Unauthenticated, 'revoked: removed from the compound');
      }
      return row;
    };
    const socket = openSync(server.wsUrl, bob.compoundId, 'public', `token=${bob.token}`);
    await eventually(() => expect(socket.close?.code).toBe(CloseCode.Unauthenticated));
    expect(server.relay.stats().connections).toBe(0);
  });
});
