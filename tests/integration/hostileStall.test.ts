import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { eventually } from '../helpers/eventually.ts';
import { type Content, type ForgedStruct, forgeUpdate } from '../helpers/forgeUpdate.ts';
import { attackerEvent, useHostileRoom, attackerClient as X } from '../helpers/useHostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** `n` structs of the attacker's client, each after the one before (nothing Yjs would have merged). */
function chain(n: number, content: () => Content, parent = 'events'): ForgedStruct[] {
  const structs: ForgedStruct[] = [{ parent, content: content() }];
  for (let i = 1; i < n; i++) structs.push({ origin: [X, i - 1], content: content() });
  return structs;
}

// Regression: finding each item's root walked its origin chain again, recursively: a 10,000-item
// chain took seconds, then threw a RangeError that was swallowed and left the socket open.
describe('a long chain of items within the caps', () => {
  describe('in minutes text', () => {
    const server = useTestServer();
    const h = useHostileRoom(server, 'minutes-m1');

    it('a 10,000-item chain is applied and reaches the other members', async () => {
      const raw = await h.attack(
        forgeUpdate([{ client: X, clock: 0, structs: chain(10_000, () => ({ string: 'z' }), 'notes') }]),
      );
      await eventually(() => expect(h.honest[1].doc.getText('notes').length).toBe(10_005), { timeout: 20_000 });
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
      expect(h.honest[0].closes).toEqual([]);
    });
  });

  describe('in an event log', () => {
    const server = useTestServer();
    const h = useHostileRoom(server, 'public');

    it('a 1,000-item chain of valid events is applied and reaches the other members', async () => {
      const event = () => ({ any: [attackerEvent(h.attacker, 'public')] });
      const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: chain(1000, event) }]));
      await eventually(() => expect(h.honest[1].events.length).toBe(1001), { timeout: 20_000 });
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });
  });
});

describe('an update over a cap', () => {
  const server = useTestServer({ MAX_UPDATE_STRUCTS: '1000', MAX_UPDATE_EVENT_STRUCTS: '100' });
  const h = useHostileRoom(server, 'public');
  const event = () => ({ any: [attackerEvent(h.attacker, 'public')] });

  it('more structs than MAX_UPDATE_STRUCTS is refused with 4413 and too_large for its sender alone', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: chain(1001, event) }]));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.TooLarge);
    expect(closed.reason).toMatch(/^too_large/);
    await h.expectUnharmed(before);
  });

  it('more new event-log items than MAX_UPDATE_EVENT_STRUCTS is refused with 4413', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: chain(101, event) }]));
    expect((await raw.closed).code).toBe(CloseCode.TooLarge);
    await h.expectUnharmed(before);
  });

  it('one item holding many events counts once', async () => {
    const events = Array.from({ length: 300 }, () => attackerEvent(h.attacker, 'public'));
    const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: events } }] }]));
    await eventually(() => expect(h.honest[1].events.length).toBe(301));
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
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
