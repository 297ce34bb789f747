import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { api } from '../../client/sync/api.ts';
import { TicketClose, ticketSocket } from '../../client/sync/ticketSocket.ts';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, raised, type Session } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

/** The stock provider with the app's ticket socket, recording what it fetched and which URLs it opened. */
interface TicketClient {
  provider: WebsocketProvider;
  events: Y.Array<unknown>;
  /** Every URL a real socket was opened with. */
  urls: string[];
  /** Tickets fetched (or tried). */
  fetches: number;
  /** Each socket's close code, as the provider saw it. */
  closes: number[];
  /** The close the provider gave up on, if any. */
  closed: { code: number; reason: string } | undefined;
}

describe('the app’s connect: a fresh sync ticket before every socket, never the token', () => {
  let server: TestServer;
  const clients: WebsocketProvider[] = [];
  const realFetch = globalThis.fetch;

  beforeEach(async () => {
    server = await startTestServer();
    // The app's API client calls same-origin paths; in Node they go to the test server.
    vi.stubGlobal('fetch', (input: string | URL, init?: RequestInit) => realFetch(new URL(input, server.url), init));
  });
  afterEach(async () => {
    for (const p of clients.splice(0)) p.destroy();
    vi.unstubAllGlobals();
    await server.close();
  });

  function ticketClient(session: Session, ticket?: () => Promise<string>): TicketClient {
    const client: TicketClient = {
      provider: undefined as unknown as WebsocketProvider,
      events: undefined as unknown as Y.Array<unknown>,
      urls: [],
      fetches: 0,
      closes: [],
      closed: undefined,
    };
    class Recording extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        client.urls.push(url);
        super(url, protocols);
      }
    }
    const fetchTicket = async () => {
      client.fetches++;
      return ticket ? ticket() : (await api.syncTicket(session.compoundId, session.token)).ticket;
    };
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.wsUrl, `${session.compoundId}/public`, doc, {
      WebSocketPolyfill: ticketSocket(fetchTicket, Recording as unknown as typeof globalThis.WebSocket),
      disableBc: true,
      maxBackoffTime: 300,
    });
    provider.on('connection-close', (event) => {
      if (event) client.closes.push(event.code);
    });
    provider.on('closed', (close) => {
      client.closed = close;
    });
    clients.push(provider);
    client.provider = provider;
    client.events = doc.getArray('events');
    return client;
  }

  const ticketOf = (url: string | undefined) => new URL(url ?? 'ws://x/').searchParams.get('ticket');

  it('gets through with a ticket and no token in the URL, and its writes reach others', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '凭票的居民');
    const watcher = ticketClient(admin);
    const phone = ticketClient(bob);
    await eventually(() => expect(phone.provider.synced && watcher.provider.synced).toBe(true));

    phone.events.push([raised(bob, '楼道灯坏了')]);
    await eventually(() =>
      expect(watcher.events.toArray()).toContainEqual(expect.objectContaining({ title: '楼道灯坏了' })),
    );
    expect(phone.urls).toHaveLength(1);
    expect(ticketOf(phone.urls[0])).toBeTruthy();
    expect(phone.urls[0]).not.toContain(bob.token);
    expect(phone.urls[0]).not.toContain('token=');
  });

  it('fetches a new ticket for each reconnect', async () => {
    const admin = await createCompound(server.url);
    const phone = ticketClient(admin);
    await eventually(() => expect(phone.provider.synced).toBe(true));

    server.relay.disconnectMember(admin.memberId, CloseCode.ServerError, 'test: drop the socket');
    await eventually(() => {
      expect(phone.urls).toHaveLength(2);
      expect(phone.provider.synced).toBe(true);
    });
    expect(phone.fetches).toBe(2);
    expect(ticketOf(phone.urls[1])).not.toBe(ticketOf(phone.urls[0]));
  });

  it('after a restart, which forgets every ticket, reconnects with a new one; down meanwhile, one fetch per attempt', async () => {
    const admin = await createCompound(server.url);
    const phone = ticketClient(admin);
    await eventually(() => expect(phone.provider.synced).toBe(true));

    const { dataDir } = server;
    const port = new URL(server.url).port;
    await server.close();
    // The server is down: the provider backs off, and each of its attempts fetched exactly one ticket.
    await eventually(() => expect(phone.provider.wsUnsuccessfulReconnects).toBeGreaterThanOrEqual(4));
    expect(phone.closes.at(-1)).toBe(TicketClose.Unavailable);
    const attempts = phone.closes.length;
    expect(phone.fetches - attempts).toBeLessThanOrEqual(1);
    expect(phone.fetches).toBeGreaterThanOrEqual(attempts);

    server = await startTestServer({ DATA_DIR: dataDir, PORT: port });
    await eventually(() => expect(phone.provider.synced).toBe(true));
    const tickets = phone.urls.map(ticketOf);
    expect(tickets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tickets).size).toBe(tickets.length);
    expect(phone.closed).toBeUndefined();
  });

  it('a ticket the relay refuses is retried with a fresh one, not taken for a removal', async () => {
    const admin = await createCompound(server.url);
    let first = true;
    const phone = ticketClient(admin, async () => {
      if (!first) return (await api.syncTicket(admin.compoundId, admin.token)).ticket;
      first = false;
      return 'an-expired-ticket';
    });
    await eventually(() => expect(phone.provider.synced).toBe(true));
    expect(phone.closes).toEqual([TicketClose.Refused]);
    expect(phone.closed).toBeUndefined();
    expect(ticketOf(phone.urls[0])).toBe('an-expired-ticket');
  });

  it('a refused token closes with 4401 after one ticket request, opens no socket and stops', async () => {
    const admin = await createCompound(server.url);
    const rotated = await api.renewToken(admin.token);
    expect(rotated.token).not.toBe(admin.token);

    const phone = ticketClient(admin);
    await eventually(() => expect(phone.closed?.code).toBe(CloseCode.Unauthenticated));
    expect(phone.provider.shouldConnect).toBe(false);
    expect(phone.fetches).toBe(1);
    expect(phone.urls).toEqual([]);
  });

  it('a member removed while connected ends on 4401: the relay’s close asks the API, which refuses the token', async () => {
    const admin = await createCompound(server.url);
    const bob = await addMember(server.url, admin, { role: 'resident' }, '被移除的人');
    const phone = ticketClient(bob);
    await eventually(() => expect(phone.provider.synced).toBe(true));

    await api.revokeMember(admin.compoundId, bob.memberId, admin.token);
    await eventually(() => expect(phone.closed?.code).toBe(CloseCode.Unauthenticated));
    expect(phone.closes).toEqual([TicketClose.Refused, CloseCode.Unauthenticated]);
    expect(phone.urls).toHaveLength(1);
  });
});
