import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Prng } from '../../shared/sample/Prng.ts';
import { arrayChange } from '../../shared/yjs/arrayChange.ts';

/**
 * Phones edit their copies offline (appends mostly, inserts in the middle, deletes, and text in
 * another root) and sync to one document in random order; every transaction's change read by
 * `arrayChange` must equal what Yjs computes by walking the array.
 */
function run(seed: number) {
  const rng = new Prng(seed);
  const hub = new Y.Doc();
  const phones = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  let n = 0;
  let fast = 0;
  let slow = 0;
  const mismatches: string[] = [];
  hub.getArray('events').observe((event) => {
    const change = arrayChange(event);
    if (change === event.changes) slow++;
    else fast++;
    const { delta, added } = event.changes;
    if (JSON.stringify(change.delta) !== JSON.stringify(delta)) {
      mismatches.push(`${JSON.stringify(change.delta)} vs ${JSON.stringify(delta)}`);
    }
    if (new Set(change.added).size !== added.size || ![...change.added].every((i) => added.has(i))) {
      mismatches.push('added items differ');
    }
  });
  for (let step = 0; step < 300; step++) {
    const phone = rng.pick(phones);
    const events = phone.getArray<unknown>('events');
    const roll = rng.next();
    phone.transact(() => {
      if (roll < 0.6 || events.length === 0) {
        const count = rng.int(1, 3);
        events.push(Array.from({ length: count }, () => ({ id: `e${n++}`, by: phone.clientID })));
      } else if (roll < 0.8) {
        events.insert(rng.int(0, events.length), [{ id: `e${n++}` }]);
      } else if (roll < 0.9) {
        events.delete(rng.int(0, events.length - 1), 1);
      } else {
        phone.getText('notes').insert(0, 'x');
      }
    });
    if (rng.chance(0.4)) {
      const from = rng.pick(phones);
      Y.applyUpdate(hub, Y.encodeStateAsUpdate(from, Y.encodeStateVector(hub)));
      Y.applyUpdate(from, Y.encodeStateAsUpdate(hub, Y.encodeStateVector(from)));
    }
  }
  for (const phone of phones) Y.applyUpdate(hub, Y.encodeStateAsUpdate(phone, Y.encodeStateVector(hub)));
  return { fast, slow, mismatches };
}

describe('arrayChange', () => {
  it('equals Yjs’ own changes for every transaction, reading appends without walking the array', () => {
    let fast = 0;
    let slow = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = run(seed);
      expect(r.mismatches).toEqual([]);
      fast += r.fast;
      slow += r.slow;
    }
    // Both ways were taken: appends read from the new structs, the rest from Yjs.
    expect(fast).toBeGreaterThan(100);
    expect(slow).toBeGreaterThan(50);
  });

  it('reads an append at the end of a long log from the new items alone', () => {
    const doc = new Y.Doc();
    const events = doc.getArray<unknown>('events');
    for (let i = 0; i < 50; i++) {
      const phone = new Y.Doc();
      phone.getArray('events').push([{ id: `old${i}` }]);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(phone));
    }
    let seen: ReturnType<typeof arrayChange> | undefined;
    events.observe((event) => {
      seen = arrayChange(event);
      expect(seen).not.toBe(event.changes);
    });
    events.push([{ id: 'new1' }, { id: 'new2' }]);
    expect(seen?.delta).toEqual([{ retain: 50 }, { insert: [{ id: 'new1' }, { id: 'new2' }] }]);
  });
});
