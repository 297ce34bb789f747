import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { eventually } from '../helpers/eventually.ts';
import { forgeUpdate } from '../helpers/forgeUpdate.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import { attackerEvent, useHostileRoom, attackerClient as X } from '../helpers/useHostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

const refusals: number[] = [CloseCode.BadMessage, CloseCode.UpdateRejected];

// Regression: Yjs skips the part of a struct the relay already has and links the rest after the
// item before it, while validation judged the struct by its own parent: text validated as `notes`
// ended up in the minutes' `events` array.
describe('a struct that overlaps clocks the relay already has', () => {
  describe('in minutes', () => {
    const server = useTestServer();
    const h = useHostileRoom(server, 'minutes-m1');

    it('text overlapping an event is refused and never reaches the event log', async () => {
      const empty = await h.storedBytes();
      const event = attackerEvent(h.attacker, 'minutes-m1');
      const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: [event] } }] }]));
      await eventually(() => expect(h.honest[1].events.length).toBe(1));
      await eventually(async () => expect(await h.storedBytes()).toBeGreaterThan(empty));
      const before = await h.storedBytes();
      raw.send(
        syncFrame(1, forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'notes', content: { string: 'zz' } }] }])),
      );
      expect(refusals).toContain((await raw.closed).code);
      await h.expectUnharmed(before);
      expect(h.honest[1].events.toJSON()).toEqual([event]);
    });
  });

  describe('in an event log', () => {
    const server = useTestServer();
    const h = useHostileRoom(server, 'public');

    async function storeFirst() {
      const first = attackerEvent(h.attacker, 'public');
      const raw = await h.attack(forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: [first] } }] }]));
      await eventually(() => expect(h.honest[1].events.length).toBe(2));
      return { raw, first };
    }

    it('an event at a known clock that differs from the stored one is refused', async () => {
      const { raw, first } = await storeFirst();
      const before = await h.storedBytes();
      const rewritten = { ...first, title: '改过的标题' };
      const update = forgeUpdate([
        { client: X, clock: 0, structs: [{ content: { any: [rewritten, attackerEvent(h.attacker, 'public')] } }] },
      ]);
      raw.send(syncFrame(1, update));
      expect(refusals).toContain((await raw.closed).code);
      await h.expectUnharmed(before);
      expect(h.honest[1].events.length).toBe(3);
    });

    it('an honest resend of a known event with a new one after it is applied once', async () => {
      const { raw, first } = await storeFirst();
      const second = attackerEvent(h.attacker, 'public');
      raw.send(syncFrame(1, forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: [first, second] } }] }])));
      await eventually(() => expect(h.honest[1].events.length).toBe(3));
      const byAttacker = h.honest[1].events.toJSON().filter((e) => e.by === h.attacker.memberId);
      expect(byAttacker).toEqual([first, second]);
      expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    });
  });
});
