import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { eventually } from '../helpers/eventually.ts';
import { forgeUpdate } from '../helpers/forgeUpdate.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import { attackerEvent, useHostileRoom, attackerClient as X } from '../helpers/useHostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

const refusals: number[] = [CloseCode.BadMessage, CloseCode.UpdateRejected];

// Regression: validation followed X:0's origin to X:1 further on in the same update and passed it;
// Yjs then threw while applying, and the relay closed every connection of the room with 4500.
describe('an item whose origin lies ahead in its own update', () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'public');

  it('is refused with 4422 for its sender alone; the other members stay connected and nothing is stored', async () => {
    const before = await h.storedBytes();
    const update = forgeUpdate([
      {
        client: X,
        clock: 0,
        structs: [
          { origin: [X, 1], content: { any: [attackerEvent(h.attacker, 'public')] } },
          { parent: 'events', content: { any: [attackerEvent(h.attacker, 'public')] } },
        ],
      },
    ]);
    expect(update.byteLength).toBeLessThan(400);
    const raw = await h.attack(update);
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.UpdateRejected);
    expect(closed.reason).toMatch(/^unresolved/);
    await h.expectUnharmed(before);
  });

  it('is refused when the forward origin is a right origin, too', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(
      forgeUpdate([
        {
          client: X,
          clock: 0,
          structs: [
            { rightOrigin: [X, 1], content: { any: [attackerEvent(h.attacker, 'public')] } },
            { parent: 'events', content: { any: [attackerEvent(h.attacker, 'public')] } },
          ],
        },
      ]),
    );
    expect(refusals).toContain((await raw.closed).code);
    await h.expectUnharmed(before);
  });
});

// Regression: in minutes, a GC struct was accepted, then an item overlapping it made Yjs integrate
// text to the right of a GC struct, which throws; the whole room was closed with 4500.
describe('an item that overlaps a garbage-collected struct in minutes', () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'minutes-m1');

  it('is refused for its sender alone; the other committee members keep editing the minutes', async () => {
    const empty = await h.storedBytes();
    const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: [{ gc: 1 }] }]));
    await eventually(async () => expect(await h.storedBytes()).toBeGreaterThan(empty));
    const start = await h.storedBytes();
    raw.send(
      syncFrame(1, forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'notes', content: { string: 'ab' } }] }])),
    );
    expect(refusals).toContain((await raw.closed).code);
    await h.expectUnharmed(start);
  });
});
