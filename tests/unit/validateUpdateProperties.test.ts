import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RuleError } from '../../shared/errors.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { validateUpdate } from '../../shared/rules/validateUpdate.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { type ForgedGroup, type ForgedStruct, forgeUpdate, type Ref } from '../helpers/forgeUpdate.ts';
import { owners } from './support/members.ts';

const limits = { maxStructs: 10_000, maxEventStructs: 1_000 };
let seq = 0;
const signedIn = () => ({
  id: `p-${++seq}`,
  type: 'minutes.signed-in',
  at: 1_700_000_000_000,
  by: owners.memberId,
  attendee: { memberId: owners.memberId, party: 'owners' },
});
const words = ['会议', '决定', 'a', 'bc', '😀', '维修基金', ' ', '\n'];

interface Client {
  doc: Y.Doc;
  /** Local transaction updates not yet sent, as y-websocket queues them. */
  outbox: Uint8Array[];
  /** The relay's state vector when this client last heard from it (stale on purpose). */
  seen: Uint8Array;
}

/** An update the relay accepted, with the relay's state just before it. */
interface Sent {
  before: Uint8Array;
  update: Uint8Array;
}

/**
 * Three phones editing one minutes document through a relay that validates every update: events,
 * text typed and deleted anywhere (emoji too), batches merged as IndexedDB merges them, and
 * SyncStep2s computed against a stale relay state vector so they repeat what the relay has.
 */
function honestSession(seed: number, steps: number): { relay: Y.Doc; clients: Client[]; sent: Sent[] } {
  const rng = new Prng(seed);
  const relay = new Y.Doc();
  const sent: Sent[] = [];
  const toRelay = (update: Uint8Array) => {
    const before = Y.encodeStateAsUpdate(relay);
    const v = validateUpdate(relay, update, owners, 'minutes', limits);
    if (!v.changed) return;
    Y.applyUpdate(relay, update);
    expect(relay.store.pendingStructs).toBeNull();
    expect(relay.store.pendingDs).toBeNull();
    if (sent.length < 400) sent.push({ before, update });
  };
  const clients: Client[] = Array.from({ length: 3 }, () => {
    const c: Client = { doc: new Y.Doc(), outbox: [], seen: Y.encodeStateVector(relay) };
    c.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') c.outbox.push(u);
    });
    return c;
  });
  const hear = (c: Client) => {
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(relay, Y.encodeStateVector(c.doc)), 'relay');
    c.seen = Y.encodeStateVector(relay);
  };

  for (let step = 0; step < steps; step++) {
    const c = rng.pick(clients);
    const text = c.doc.getText('notes');
    const roll = rng.next();
    if (roll < 0.15) c.doc.getArray('events').push([signedIn()]);
    else if (roll < 0.45) text.insert(rng.int(0, text.length), rng.pick(words));
    else if (roll < 0.55 && text.length > 0) {
      const at = rng.int(0, text.length - 1);
      text.delete(at, Math.min(rng.int(1, 6), text.length - at));
    } else if (roll < 0.7) {
      for (const u of c.outbox) toRelay(u);
      c.outbox = [];
    } else if (roll < 0.78 && c.outbox.length > 0) {
      toRelay(Y.mergeUpdates(c.outbox));
      c.outbox = [];
    } else if (roll < 0.88) {
      toRelay(Y.encodeStateAsUpdate(c.doc, c.seen));
      c.outbox = [];
    } else {
      hear(c);
    }
  }
  for (const c of clients) toRelay(Y.encodeStateAsUpdate(c.doc, Y.encodeStateVector(relay)));
  for (const c of clients) hear(c);
  return { relay, clients, sent };
}

/** A few bytes of an update changed, cut, repeated or spliced with another. */
function mutate(rng: Prng, update: Uint8Array, other: Uint8Array): Uint8Array {
  const u = Uint8Array.from(update);
  switch (rng.int(0, 4)) {
    case 0:
      for (let k = rng.int(1, 3); k > 0; k--) u[rng.int(0, u.length - 1)] = rng.int(0, 255);
      return u;
    case 1:
      u[rng.int(0, u.length - 1)]! ^= 1 << rng.int(0, 7);
      return u;
    case 2:
      return u.slice(0, rng.int(1, u.length));
    case 3: {
      const at = rng.int(0, u.length);
      return Uint8Array.from([...u.slice(0, at), ...other.slice(rng.int(0, other.length - 1)), ...u.slice(at)]);
    }
    default: {
      const at = rng.int(1, u.length - 1);
      u[at] = rng.pick([0, 1, 2, 3, 8, 10, 0x80, 0x40, 0x84, 0x88, 0xc4, 0x28, 0x7f, 0xff]);
      return u;
    }
  }
}

/**
 * A small update built struct by struct against `doc`: clients it knows and new ones, clocks around
 * what it holds (gaps and overlaps), origins anywhere in the document or the update, GC and skip
 * structs, any content in any root, and delete ranges.
 */
function forged(rng: Prng, doc: Y.Doc): Uint8Array {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  const refs: Ref[] = [];
  for (const [c, k] of sv) if (k > 0) refs.push([c, rng.int(0, k - 1)], [c, k - 1]);
  const plan: { client: number; clock: number; n: number }[] = [];
  for (let g = rng.int(0, 3); g > 0; g--) {
    const client = rng.pick([...sv.keys(), 11, 12, 13]);
    const clock = Math.max(0, (sv.get(client) ?? 0) + rng.int(-3, rng.chance(0.1) ? 2 : 0));
    const n = rng.int(1, 4);
    plan.push({ client, clock, n });
    for (let i = 0; i < n; i++) refs.push([client, clock + i]);
  }
  const groups: ForgedGroup[] = plan.map(({ client, clock, n }) => {
    const structs: ForgedStruct[] = [];
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.07) structs.push({ gc: rng.int(1, 2) });
      else if (r < 0.1) structs.push({ skip: rng.int(1, 2) });
      else {
        const content = rng.chance(0.4)
          ? { any: rng.chance(0.5) ? [signedIn()] : [signedIn(), signedIn()] }
          : rng.chance(0.8)
            ? { string: rng.pick(words) }
            : { deleted: rng.int(1, 2) };
        const mode = refs.length === 0 ? 3 : rng.int(0, 3);
        structs.push({
          content,
          ...(mode === 0 || mode === 2 ? { origin: rng.pick(refs) } : {}),
          ...(mode === 1 || mode === 2 ? { rightOrigin: rng.pick(refs) } : {}),
          ...(mode === 3 ? { parent: rng.pick(['events', 'notes', 'other']) } : {}),
        });
      }
    }
    return { client, clock, structs };
  });
  const deletes = rng.chance(0.3)
    ? [...sv.keys()].slice(0, 2).map((client) => ({
        client,
        ranges: [[rng.int(0, Math.max(0, (sv.get(client) ?? 1) - 1)), rng.int(1, 3)] as Ref],
      }))
    : [];
  return forgeUpdate(groups, deletes);
}

/** Validation accepted `update` for `doc`: it applies whole, and only what validation checked joins the log. */
function expectAppliesAsJudged(doc: Y.Doc, update: Uint8Array, v: ReturnType<typeof validateUpdate>) {
  const eventsBefore = doc.getArray('events').toJSON();
  Y.applyUpdate(doc, update);
  expect(doc.store.pendingStructs).toBeNull();
  expect(doc.store.pendingDs).toBeNull();
  const events = doc.getArray('events').toJSON();
  expect(events.length).toBe(eventsBefore.length + v.events.length);
  const known = new Set([...eventsBefore, ...v.events].map((e) => JSON.stringify(e)));
  for (const e of events) {
    expect(known.has(JSON.stringify(e))).toBe(true);
    expect(() => checkEvent(e, owners, 'minutes')).not.toThrow();
  }
  for (const op of doc.getText('notes').toDelta() as { insert: unknown }[]) expect(typeof op.insert).toBe('string');
}

describe('validateUpdate on honest and mutated traffic', () => {
  for (const seed of [1, 2, 3]) {
    it(`honest phones are never refused, the relay never holds anything pending, and all converge (seed ${seed})`, () => {
      const { relay, clients } = honestSession(seed, 1500);
      for (const c of clients) {
        expect(c.doc.getText('notes').toString()).toBe(relay.getText('notes').toString());
        expect(c.doc.getArray('events').toJSON()).toEqual(relay.getArray('events').toJSON());
      }
    });
  }

  it('mutated honest updates that validation accepts apply whole, and only the events it checked join the log', () => {
    const rng = new Prng(99);
    const { sent } = honestSession(7, 800);
    const seen = { accepted: 0, refused: 0 };
    for (let trial = 0; trial < 1000; trial++) {
      const { before, update } = rng.pick(sent);
      const mutant = mutate(rng, update, rng.pick(sent).update);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, before);
      let v: ReturnType<typeof validateUpdate>;
      try {
        v = validateUpdate(doc, mutant, owners, 'minutes', limits);
      } catch (e) {
        expect(e).toBeInstanceOf(RuleError);
        seen.refused++;
        continue;
      }
      seen.accepted++;
      if (v.changed) expectAppliesAsJudged(doc, mutant, v);
    }
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('forged updates that validation accepts apply whole, and only the events it checked join the log', () => {
    const rng = new Prng(5);
    const base = Y.encodeStateAsUpdate(honestSession(5, 300).relay);
    let doc = new Y.Doc();
    let changed = 0;
    for (let trial = 0; trial < 3000; trial++) {
      if (trial % 500 === 0) {
        doc = new Y.Doc();
        Y.applyUpdate(doc, base);
      }
      const update = forged(rng, doc);
      let v: ReturnType<typeof validateUpdate>;
      try {
        v = validateUpdate(doc, update, owners, 'minutes', limits);
      } catch (e) {
        expect(e).toBeInstanceOf(RuleError);
        continue;
      }
      if (!v.changed) continue;
      changed++;
      expectAppliesAsJudged(doc, update, v);
    }
    expect(changed).toBeGreaterThan(50);
  });
});
