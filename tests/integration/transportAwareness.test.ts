import * as encoding from 'lib0/encoding';
import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** An awareness frame (type 1) announcing `states` as [clientId, clock, state]. */
function awarenessFrame(states: [number, number, unknown][]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.length);
  for (const [id, clock, state] of states) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** How the relay closed a raw socket, waiting with a retrying assertion rather than forever. */
async function closeOf(raw: RawSocket): Promise<{ code: number; reason: string }> {
  let seen: { code: number; reason: string } | undefined;
  void raw.closed.then((c) => {
    seen = c;
  });
  return eventually(() => {
    expect(seen).toBeDefined();
    return seen!;
  });
}

describe('awareness states are capped per connection', () => {
  const server = useTestServer();
  let admin: Session;
  let reader: Session;
  let watcher: TestClient;

  beforeEach(async () => {
    admin = await createCompound(server.url);
    // A resident may only read minutes, but may show presence there like anyone.
    reader = await addMember(server.url, admin, { role: 'resident' }, '旁听的居民');
    watcher = server.connect(admin, 'minutes-m1');
    await synced(watcher);
  });

  const seenBy = (client: TestClient, id: number) => client.provider.awareness.getStates().has(id);

  it('a state over 8 KB closes its connection with 4413 and reaches nobody', async () => {
    const raw = await openRaw(server.wsUrl, reader, 'minutes-m1');
    raw.send(awarenessFrame([[777_001, 1, { user: { name: '大'.repeat(5000) } }]]));
    const closed = await closeOf(raw);
    expect(closed.code).toBe(CloseCode.TooLarge);
    expect(closed.reason).toMatch(/awareness/);
    expect(seenBy(watcher, 777_001)).toBe(false);
  });

  it('a fifth client id on one connection closes it with 4429; the first four were relayed and are removed', async () => {
    const raw = await openRaw(server.wsUrl, reader, 'minutes-m1');
    raw.send(awarenessFrame([1, 2, 3, 4].map((i) => [888_000 + i, 1, { user: { name: `第${i}个` } }])));
    await eventually(() => expect(seenBy(watcher, 888_004)).toBe(true));
    raw.send(awarenessFrame([[888_005, 1, { user: { name: '第5个' } }]]));
    const closed = await closeOf(raw);
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(seenBy(watcher, 888_005)).toBe(false);
    await eventually(() => expect(seenBy(watcher, 888_001)).toBe(false));
  });

  it('an honest reader’s presence, with the other phones’ states echoed back, goes through', async () => {
    const phone = server.connect(reader, 'minutes-m1');
    await synced(phone);
    watcher.provider.awareness.setLocalStateField('user', { name: '王秀英' });
    await eventually(() => expect(seenBy(phone, watcher.doc.clientID)).toBe(true));
    for (let i = 0; i < 6; i++) phone.provider.awareness.setLocalStateField('user', { name: `旁听 ${i}` });
    await eventually(() =>
      expect(watcher.provider.awareness.getStates().get(phone.doc.clientID)).toMatchObject({
        user: { name: '旁听 5' },
      }),
    );
    expect(phone.closes).toEqual([]);
  });
});
