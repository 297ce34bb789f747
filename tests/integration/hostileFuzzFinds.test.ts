import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { raised } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { forgeUpdate } from '../helpers/forgeUpdate.ts';
import { attackerEvent, useHostileRoom } from '../helpers/useHostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** The last item of a doc's event log, as the origin a push names. */
function lastRef(doc: Y.Doc): readonly [number, number] {
  let item = doc.getArray('events')._start!;
  while (item.right) item = item.right;
  return [item.id.client, item.id.clock + item.length - 1];
}

// Found by the fuzzer: the relay let a member write structs under another phone's Yjs client id
// (it is in every state vector), at that phone's next clock. The relay now knows who writes under
// each client id and refuses anyone else (`foreign_client`).
describe("structs written under another member's client id", () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'public');

  /** The attacker's struct at the victim's next clock, as the relay holds it now. */
  const squat = (victim: Y.Doc, known: Y.Doc) => {
    const client = victim.clientID;
    return forgeUpdate([
      {
        client,
        clock: Y.getState(known.store, client),
        structs: [{ origin: lastRef(known), content: { any: [attackerEvent(h.attacker, 'public')] } }],
      },
    ]);
  };

  it("cannot make an honest phone's offline events vanish when it comes back", async () => {
    const [phone, other] = h.honest;
    const before = await h.storedBytes();
    phone.provider.disconnect();
    const offline = raised(h.admin, '离线时写的诉求');
    phone.events.push([offline]);
    // Had it landed, the relay's state vector would cover the phone's clock: the phone would never
    // send its event and would skip the attacker's struct at that id, both sides silently apart.
    const raw = await h.attack(squat(phone.doc, other.doc));
    const closed = await raw.closed;
    expect(closed.reason).toMatch(/^foreign_client/);
    expect(await h.storedBytes()).toBe(before);
    phone.provider.connect();
    await eventually(() => expect(other.events.toArray()).toContainEqual(offline));
    await eventually(() => expect(phone.events.toJSON()).toEqual(other.events.toJSON()));
    expect(phone.closes).toEqual([]);
  });

  it('leaves the honest phone its client id, so its stock client can still disconnect', async () => {
    const [phone, other] = h.honest;
    const before = await h.storedBytes();
    const id = phone.doc.clientID;
    const raw = await h.attack(squat(phone.doc, other.doc));
    expect((await raw.closed).reason).toMatch(/^foreign_client/);
    await h.expectUnharmed(before);
    // Had the struct reached it, Yjs would give the phone a new client id and y-websocket's
    // disconnect would throw looking up awareness by it.
    expect(phone.doc.clientID).toBe(id);
    expect(() => phone.provider.disconnect()).not.toThrow();
    phone.provider.connect();
  });
});

// Found by the fuzzer (seed 1, by frame 22600): minutes text inserted with a right origin left of
// its origin is accepted; Yjs then orders text by arrival, so the phones that were online and the
// relay's compacted copy (integrated client by client) hold the same characters in another order.
describe('minutes text whose origins cross', () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'minutes-m1');

  it('is refused for its sender alone and nothing is stored', async () => {
    const before = await h.storedBytes();
    const author = h.honest[0].doc.clientID;
    const raw = await h.attack(
      forgeUpdate([
        {
          client: 0x5eed,
          clock: 0,
          structs: [{ origin: [author, 3], rightOrigin: [author, 1], content: { string: 'x' } }],
        },
      ]),
    );
    await eventually(() => expect(raw.ws.readyState).toBe(raw.ws.CLOSED));
    await h.expectUnharmed(before);
  });
});
