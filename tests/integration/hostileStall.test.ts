import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { eventually } from '../helpers/eventually.ts';
import { type ForgedStruct, forgeUpdate } from '../helpers/forgeUpdate.ts';
import { attackerEvent, useHostileRoom, attackerClient as X } from '../helpers/hostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** `n` valid events, one struct each, every one after the one before (nothing Yjs would merge). */
function chain(attacker: Parameters<typeof attackerEvent>[0], n: number, docName = 'public'): ForgedStruct[] {
  const structs: ForgedStruct[] = [{ parent: 'events', content: { any: [attackerEvent(attacker, docName)] } }];
  for (let i = 1; i < n; i++)
    structs.push({ origin: [X, i - 1], content: { any: [attackerEvent(attacker, docName)] } });
  return structs;
}

// Regression: finding each item's root walked its origin chain again, recursively: a 10,000-item
// chain took seconds, then threw a RangeError that was swallowed and left the socket open.
describe('a long chain of items within the struct cap', () => {
  const server = useTestServer({ MAX_UPDATE_STRUCTS: '10000' });
  const h = useHostileRoom(server, 'public');

  it('a 10,000-item chain of valid events is applied and reaches the other members', async () => {
    const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: chain(h.attacker, 10_000) }]));
    await eventually(() => expect(h.honest[1].events.length).toBe(10_001), { timeout: 20_000 });
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    expect(h.honest[0].closes).toEqual([]);
  });
});

describe('an update over the struct cap', () => {
  const server = useTestServer({ MAX_UPDATE_STRUCTS: '1000' });
  const h = useHostileRoom(server, 'public');

  it('is refused with 4413 and too_large for its sender alone', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: chain(h.attacker, 1001) }]));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.TooLarge);
    expect(closed.reason).toMatch(/^too_large/);
    await h.expectUnharmed(before);
  });
});

// Regression: each delete range was checked against every struct of the update (quadratic), and
// Yjs walks overlapping ranges once each.
describe('delete ranges in minutes', () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'minutes-m1');

  it('ranges that overlap are refused as malformed', async () => {
    const before = await h.storedBytes();
    const client = h.honest[0].doc.clientID;
    const raw = await h.attack(
      forgeUpdate(
        [],
        [
          {
            client,
            ranges: [
              [0, 3],
              [1, 3],
              [0, 5],
            ],
          },
        ],
      ),
    );
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
    await h.expectUnharmed(before);
  });

  it('many sorted ranges over minutes text are applied', async () => {
    const text = h.honest[0].doc.getText('notes');
    text.insert(text.length, 'x'.repeat(4000));
    await eventually(() => expect(h.honest[1].doc.getText('notes').length).toBe(text.length));
    const client = h.honest[0].doc.clientID;
    const ranges = Array.from({ length: 2000 }, (_, i) => [5 + 2 * i, 1] as const);
    const raw = await h.attack(forgeUpdate([], [{ client, ranges }]));
    await eventually(() => expect(h.honest[1].doc.getText('notes').length).toBe(text.length));
    await eventually(() => expect(text.length).toBe(5 + 2000));
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  });
});
