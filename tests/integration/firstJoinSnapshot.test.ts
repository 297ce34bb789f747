import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMember,
  connect,
  createCompound,
  raised,
  type Session,
  synced,
  type TestClient,
} from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

/** Bytes the client's TCP socket has read so far. */
function bytesRead(client: TestClient): number {
  const ws = client.provider.ws as unknown as { _socket?: { bytesRead: number } } | null;
  return ws?._socket?.bytesRead ?? 0;
}

describe('a first join fetches the document whole over HTTP before the socket', () => {
  let server: TestServer;
  let founder: Session;
  const clients: TestClient[] = [];
  const snapshotUrl = (s: Session, doc: string) => `${server.url}/api/compounds/${s.compoundId}/docs/${doc}/snapshot`;
  const get = (url: string, token?: string) =>
    fetch(url, { headers: { 'accept-encoding': 'br', ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  beforeEach(async () => {
    server = await startTestServer();
    founder = await createCompound(server.url);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  /** Writes `n` requests through a stock client and waits until storage holds them. */
  async function write(n: number, stored = n): Promise<unknown[]> {
    const writer = connect(server.wsUrl, founder);
    clients.push(writer);
    await synced(writer);
    const events = Array.from({ length: n }, (_, i) => raised(founder, `${i}号楼门口路灯坏了，晚上看不见路`));
    for (let i = 0; i < n; i += 50) writer.events.push(events.slice(i, i + 50));
    await eventually(async () => {
      const rows = await server.storage.docs.load(`${founder.compoundId}/public`);
      const doc = new Y.Doc();
      for (const r of rows) Y.applyUpdate(doc, r);
      expect(doc.getArray('events').length).toBe(stored);
    });
    return events;
  }

  it('without a credential, or with a forged one, the answer is 401 with a code', async () => {
    const none = await get(snapshotUrl(founder, 'public'));
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const forged = await fetch(`${snapshotUrl(founder, 'public')}?ticket=not-a-ticket`);
    expect(forged.status).toBe(401);
    // A token without "Bearer " is not one: the member rate limit would not charge it.
    const bare = await fetch(snapshotUrl(founder, 'public'), { headers: { authorization: founder.token } });
    expect(bare.status).toBe(401);
  });

  it('a resident asking for the committee document is refused with 403, a stranger compound with 403', async () => {
    const resident = await addMember(server.url, founder, { role: 'resident' });
    const res = await get(snapshotUrl(resident, 'committee'), resident.token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const other = await createCompound(server.url, { name: '别的小区' });
    expect(
      (await get(snapshotUrl(founder, 'public').replace(founder.compoundId, other.compoundId), founder.token)).status,
    ).toBe(403);
  });

  it('a small document answers 204: the socket alone is as quick', async () => {
    await write(3);
    expect((await get(snapshotUrl(founder, 'public'), founder.token)).status).toBe(204);
  });

  it('a document that was small at one join and has grown is served whole at the next', async () => {
    await write(3);
    expect((await get(snapshotUrl(founder, 'public'), founder.token)).status).toBe(204);
    await write(400, 403);
    const res = await get(snapshotUrl(founder, 'public'), founder.token);
    expect(res.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    expect(doc.getArray('events').length).toBe(403);
  });

  it('the snapshot holds every event, compressed, and the socket afterwards sends only what is newer', async () => {
    const events = await write(400);
    const res = await get(snapshotUrl(founder, 'public'), founder.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    const update = new Uint8Array(await res.arrayBuffer());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    expect(doc.getArray('events').toJSON()).toEqual(events);

    // Written after the snapshot was made: the socket's answer brings it, and little else.
    clients[0]!.events.push([raised(founder, '后来的一条')]);
    const joined = connect(server.wsUrl, founder, 'public', doc);
    clients.push(joined);
    await synced(joined);
    await eventually(() => expect(joined.events.length).toBe(401));
    expect(bytesRead(joined)).toBeLessThan(update.byteLength / 4);
    expect(bytesRead(joined)).toBeLessThan(4096);
  });
});
