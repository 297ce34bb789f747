import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { forgeUpdate } from '../helpers/forgeUpdate.ts';
import { attackerEvent, useHostileRoom, attackerClient as X } from '../helpers/useHostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// Regression: structs past the clock the relay knows were accepted and parked in Yjs' pending
// structs, which grew with every such frame, went out in every SyncStep2 and into compaction.
describe('structs past the known clock', () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'public');
  const roomDoc = (): Y.Doc => server.relay.room(h.room, parseDocName('public')!).doc;
  const nothingPending = () => {
    expect(roomDoc().store.pendingStructs).toBeNull();
    expect(roomDoc().store.pendingDs).toBeNull();
  };

  it('an item after a gap in its client is refused with 4422 and nothing is parked', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(
      forgeUpdate([{ client: X, clock: 5, structs: [{ content: { any: [attackerEvent(h.attacker, 'public')] } }] }]),
    );
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.UpdateRejected);
    expect(closed.reason).toMatch(/^unresolved/);
    nothingPending();
    await h.expectUnharmed(before);
  });

  it('an item after a skip past the known clock is refused', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(
      forgeUpdate([
        {
          client: X,
          clock: 0,
          structs: [
            { content: { any: [attackerEvent(h.attacker, 'public')] } },
            { skip: 3 },
            { content: { any: [attackerEvent(h.attacker, 'public')] } },
          ],
        },
      ]),
    );
    expect((await raw.closed).code).toBe(CloseCode.UpdateRejected);
    nothingPending();
    await h.expectUnharmed(before);
  });

  it('a client written twice in one update is refused as malformed', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(
      forgeUpdate([
        { client: X, clock: 0, structs: [{ content: { any: [attackerEvent(h.attacker, 'public')] } }] },
        { client: X, clock: 1, structs: [{ origin: [X, 0], content: { any: [attackerEvent(h.attacker, 'public')] } }] },
      ]),
    );
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
    nothingPending();
    await h.expectUnharmed(before);
  });

  it('a delete range of nothing at the end of a client is refused and leaves no pending deletes', async () => {
    const before = await h.storedBytes();
    const raw = await h.attack(forgeUpdate([], [{ client: X, ranges: [[0, 0]] }]));
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
    nothingPending();
    await h.expectUnharmed(before);
  });
});
