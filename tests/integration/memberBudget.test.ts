import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** A frame the relay must read before it can refuse it: what it costs is what the budget counts. */
const junk = (bytes: number) => syncFrame(1, new Uint8Array(bytes).fill(7));

// Regression: the byte and message buckets were per connection and started full, so a member
// reconnecting after each frame was never slowed down; a flood in one room held up every other.
describe('what one member may send, across connections', () => {
  const server = useTestServer({
    MEMBER_SYNC_BYTES_PER_SECOND: '1024',
    MEMBER_SYNC_BYTE_BURST: '65536',
    MEMBER_CONNECT_BURST: '4',
    MEMBER_CONNECTS_PER_MINUTE: '1',
  });

  it('spends one budget of bytes whatever connection carries them; another member is not held up', async () => {
    const admin = await createCompound(server.url);
    const flooder = await addMember(server.url, admin, { role: 'resident' }, '刷屏的人');
    const first = await openRaw(server.wsUrl, flooder, 'public');
    first.send(junk(40_000));
    // Junk is refused as malformed: the member reconnects, as an attacker would.
    expect((await first.closed).code).toBe(CloseCode.BadMessage);
    const second = await openRaw(server.wsUrl, flooder, 'public');
    second.send(junk(40_000));
    const closed = await second.closed;
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(closed.reason).toMatch(/member is sending too much/);
    const honest = server.connect(admin, 'public');
    await synced(honest);
    honest.events.push([
      {
        id: 'still-works',
        type: 'request.raised',
        at: Date.now(),
        by: admin.memberId,
        title: '路灯',
        category: 'lighting',
      },
    ]);
    const reader = server.connect(admin, 'public');
    await eventually(() => expect(reader.events.length).toBe(1));
    expect(honest.closes).toEqual([]);
  });

  it('refuses a member who reconnects faster than the connect budget allows', async () => {
    const admin = await createCompound(server.url);
    const member = await addMember(server.url, admin, { role: 'resident' }, '老是重连');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const raw = await openRaw(server.wsUrl, member, 'public');
      raw.ws.close();
      codes.push((await raw.closed).code);
    }
    expect(codes.slice(0, 4).every((c) => c !== CloseCode.RateLimited)).toBe(true);
    expect(codes[4]).toBe(CloseCode.RateLimited);
  });
});
