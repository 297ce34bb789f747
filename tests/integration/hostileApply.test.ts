import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import type { UpdatePolicy } from '../../sync-server/relay/types.ts';
import { eventually } from '../helpers/eventually.ts';
import { forgeUpdate } from '../helpers/forgeUpdate.ts';
import { type Peer, useRelayPeers } from '../helpers/useRelayPeers.ts';
import { admin, owners, resident } from '../unit/support/members.ts';

const X = 0x5eed;
const event = (title: string) => ({ id: title, type: 'request.raised', at: 1, by: 'x', title, category: 'lighting' });

/** Lets every update through, as a policy with a blind spot would. */
const blind: UpdatePolicy = { check: () => ({ changed: true }) };

/** Two honest peers that still exchange updates, and what the relay stored before the attack. */
async function expectHonestContinue(a: Peer, b: Peer) {
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
  a.doc.getArray('events').push([event('之后照常')]);
  await eventually(() => expect(b.doc.getArray('events').toJSON()).toEqual(a.doc.getArray('events').toJSON()));
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

// Regression: when Y.applyUpdate threw, the room closed every connection with 4500 and dropped
// itself. Now the room discards its copy, reloads what it stored, and closes only the sender.
describe('an update that a policy lets through but Yjs cannot apply', () => {
  const peers = useRelayPeers(blind);

  async function three() {
    const a = await peers.connect(admin);
    const b = await peers.connect(owners);
    a.doc.getArray('events').push([event('之前')]);
    await eventually(() => expect(b.doc.getArray('events').length).toBe(1));
    const attacker = await peers.connect(resident);
    return { a, b, attacker, before: await peers.storage.docs.bytes('c1/public') };
  }

  it('closes only its sender with 4400; the room keeps its other connections and what it stored', async () => {
    const { a, b, attacker, before } = await three();
    attacker.send(
      forgeUpdate([
        {
          client: X,
          clock: 0,
          structs: [{ origin: [X, 1], content: { any: [event('坏')] } }, { content: { any: [event('坏')] } }],
        },
      ]),
    );
    expect(attacker.closes.map((c) => c.code)).toEqual([CloseCode.BadMessage]);
    expect(await peers.storage.docs.bytes('c1/public')).toBe(before);
    await expectHonestContinue(a, b);
    expect(peers.relay.stats().rooms).toBe(1);
  });

  it('stores and forwards nothing of what it applied before it threw', async () => {
    const { a, b, attacker, before } = await three();
    const forwarded = b.updates.length;
    // Yjs integrates the higher client first: the good struct lands, then the bad one throws.
    attacker.send(
      forgeUpdate([
        { client: X + 1, clock: 0, structs: [{ content: { any: [event('先进去的')] } }] },
        {
          client: X,
          clock: 0,
          structs: [{ origin: [X, 1], content: { any: [event('坏')] } }, { content: { any: [event('坏')] } }],
        },
      ]),
    );
    expect(attacker.closes.map((c) => c.code)).toEqual([CloseCode.BadMessage]);
    expect(await peers.storage.docs.bytes('c1/public')).toBe(before);
    await peers.room().ready;
    expect(peers.room().doc.getArray('events').length).toBe(1);
    await expectHonestContinue(a, b);
    expect(b.updates.length).toBe(forwarded + 1);
  });

  it('an update that leaves pending structs is refused with 4422 and the room holds none', async () => {
    const { a, b, attacker, before } = await three();
    attacker.send(forgeUpdate([{ client: X, clock: 3, structs: [{ content: { any: [event('悬空')] } }] }]));
    expect(attacker.closes.map((c) => c.code)).toEqual([CloseCode.UpdateRejected]);
    await peers.room().ready;
    expect(peers.room().doc.store.pendingStructs).toBeNull();
    expect(peers.room().doc.store.pendingDs).toBeNull();
    expect(await peers.storage.docs.bytes('c1/public')).toBe(before);
    await expectHonestContinue(a, b);
  });

  it('a delete of clocks nobody wrote is refused and leaves no pending deletes', async () => {
    const { a, b, attacker } = await three();
    attacker.send(forgeUpdate([], [{ client: X, ranges: [[0, 2]] }]));
    expect(attacker.closes.map((c) => c.code)).toEqual([CloseCode.UpdateRejected]);
    await peers.room().ready;
    expect(peers.room().doc.store.pendingDs).toBeNull();
    await expectHonestContinue(a, b);
  });
});

describe('a policy that throws something other than a RuleError', () => {
  const peers = useRelayPeers({
    check: (_update, member) => {
      if (member.memberId === resident.memberId) throw new TypeError('a bug in the rules');
      return { changed: true };
    },
  });

  // A bug in the relay's checks is not the sender's fault: 4500 tells the phone to keep its copy and
  // try again later, where 4400 would have it set its unsent changes aside as refused.
  it('closes its sender alone with 4500, not as a bad update', async () => {
    const a = await peers.connect(admin);
    const b = await peers.connect(admin);
    const attacker = await peers.connect(resident);
    const doc = new Y.Doc();
    doc.getArray('events').push([event('随便')]);
    expect(() => attacker.send(Y.encodeStateAsUpdate(doc))).not.toThrow();
    expect(attacker.closes.map((c) => c.code)).toEqual([CloseCode.ServerError]);
    await expectHonestContinue(a, b);
  });
});

describe('an after-apply check that throws something other than a RuleError', () => {
  const peers = useRelayPeers({
    check: (_update, member) => ({
      changed: true,
      afterApply: () => {
        if (member.memberId === resident.memberId) throw new TypeError('a bug in the causal fold');
      },
    }),
  });

  it('closes its sender alone with 4500 and drops what it applied: nothing stored, nothing forwarded', async () => {
    const a = await peers.connect(admin);
    const b = await peers.connect(owners);
    a.doc.getArray('events').push([event('之前')]);
    await eventually(() => expect(b.doc.getArray('events').length).toBe(1));
    const before = await peers.storage.docs.bytes('c1/public');
    const forwarded = b.updates.length;
    const attacker = await peers.connect(resident);
    const doc = new Y.Doc();
    doc.getArray('events').push([event('没查完的')]);
    attacker.send(Y.encodeStateAsUpdate(doc));
    expect(attacker.closes.map((c) => c.code)).toEqual([CloseCode.ServerError]);
    await peers.room().ready;
    expect(peers.room().doc.getArray('events').length).toBe(1);
    expect(await peers.storage.docs.bytes('c1/public')).toBe(before);
    expect(b.updates.length).toBe(forwarded);
    await expectHonestContinue(a, b);
  });
});
