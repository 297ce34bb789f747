import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ArrayDelta, CompoundState } from '../../shared/folds/index.ts';
import { CompoundFold, foldEvents } from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { arrayChange } from '../../shared/yjs/arrayChange.ts';

const sample = generateCompound({ seed: 11, scale: 'demo' });

/** A realistic log with a few duplicates (same event twice, or an id reused) and some junk in it. */
function events(rng: Prng, n: number): unknown[] {
  const clean = sample.publicEvents.slice(0, n);
  const log: unknown[] = [...clean];
  for (let i = 0; i < 16; i++) {
    const at = rng.int(0, log.length);
    const pick = rng.pick(clean) as Record<string, unknown>;
    const other = rng.pick(clean) as Record<string, unknown>;
    const junk = [
      { ...pick },
      { ...other, id: pick.id },
      { ...other, id: pick.id },
      { ...pick, extra: 1 },
      'junk',
      null,
    ];
    log.splice(at, 0, rng.pick(junk));
  }
  return log;
}

/** Inserts `picked` (indices into `all`) among `present` (sorted indices), as one Y.Array-style delta. */
function insertDelta(
  present: number[],
  picked: Set<number>,
  all: readonly unknown[],
): { delta: ArrayDelta; next: number[] } {
  const next = [...present, ...picked].sort((a, b) => a - b);
  const delta: { insert?: unknown[]; retain?: number }[] = [];
  for (const i of next) {
    const last = delta[delta.length - 1];
    if (picked.has(i)) {
      if (last?.insert) last.insert.push(all[i]);
      else delta.push({ insert: [all[i]] });
    } else if (last?.retain !== undefined) last.retain += 1;
    else delta.push({ retain: 1 });
  }
  return { delta, next };
}

describe('the incremental fold', () => {
  it('equals the full fold after every batch of appends', () => {
    for (let trial = 0; trial < 5; trial++) {
      const rng = new Prng(1000 + trial);
      const all = events(rng, 600);
      const fold = new CompoundFold();
      let n = 0;
      while (n < all.length) {
        const k = Math.min(all.length - n, rng.int(1, 30));
        fold.applyDelta(n === 0 ? [{ insert: all.slice(0, k) }] : [{ retain: n }, { insert: all.slice(n, n + k) }]);
        n += k;
        expect(fold.state).toEqual(foldEvents(all.slice(0, n)));
      }
    }
  });

  it.each(['each-batch', 'on-read'] as const)(
    'equals the full fold after random inserts in the middle of the array (publish %s)',
    (publish) => {
      for (let trial = 0; trial < 25; trial++) {
        const rng = new Prng(2000 + trial);
        const all = events(rng, 700);
        const fold = new CompoundFold({ publish });
        let present: number[] = [];
        let pending = all.map((_, i) => i);
        let batches = 0;
        while (pending.length) {
          const picked = new Set(rng.sample(pending, Math.min(pending.length, rng.int(1, 60))));
          pending = pending.filter((i) => !picked.has(i));
          const { delta, next } = insertDelta(present, picked, all);
          fold.applyDelta(delta);
          present = next;
          batches += 1;
          if (batches % 3 === 0 || pending.length === 0)
            expect(fold.state).toEqual(foldEvents(present.map((i) => all[i])));
        }
        expect(fold.version).toBe(batches);
      }
    },
  );

  it('equals the full fold after deletions too', () => {
    for (let trial = 0; trial < 10; trial++) {
      const rng = new Prng(3000 + trial);
      const all = events(rng, 500);
      const fold = new CompoundFold();
      fold.applyDelta([{ insert: all }]);
      const live = [...all];
      for (let step = 0; step < 8; step++) {
        const at = rng.int(0, live.length - 1);
        const count = rng.int(1, Math.min(20, live.length - at));
        fold.applyDelta([{ retain: at }, { delete: count }]);
        live.splice(at, count);
        expect(fold.state).toEqual(foldEvents(live));
      }
    }
  });

  it('publishes fresh objects for changed entities and keeps the others', () => {
    const log = sample.publicEvents;
    const raisedIds = log.filter((e) => e.type === 'request.raised').map((e) => e.id);
    const [a, b] = raisedIds;
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: log }]);
    const before = fold.state.agenda.requests;
    const oldA = before[a as string];
    const oldB = before[b as string];
    const snapshotA = structuredClone(oldA);
    fold.applyDelta([
      { retain: log.length },
      {
        insert: [
          {
            id: 'new-vote',
            type: 'request.tallied',
            at: Date.now(),
            by: 'x',
            requestId: a,
            tally: { for: 1, against: 0, abstain: 0 },
          },
        ],
      },
    ]);
    expect(fold.state.agenda.requests[a as string]).not.toBe(oldA);
    expect(fold.state.agenda.requests[b as string]).toBe(oldB);
    expect(oldA).toEqual(snapshotA);
  });

  it('never changes an object once published, whatever later batches do', () => {
    /** Every entity object in a state, by path (the records holding them are updated in place). */
    const entities = (state: CompoundState) => {
      const out = new Map<string, unknown>();
      const { anomalies: _, members, ...sections } = state;
      for (const [name, records] of Object.entries({ ...sections, members: { members } })) {
        for (const [kind, record] of Object.entries(records as Record<string, Record<string, unknown> | null>)) {
          // A setting never set (the thanks wall) is null: no entities in it.
          for (const [id, value] of Object.entries(record ?? {})) out.set(`${name}.${kind}.${id}`, value);
        }
      }
      return out;
    };
    const rng = new Prng(5000);
    const all = events(rng, 700);
    const fold = new CompoundFold();
    fold.applyDelta([{ insert: all.slice(0, 300) }]);
    const seen = [entities(fold.state)];
    const copies = [structuredClone(seen[0])];
    let present = all.slice(0, 300).map((_, i) => i);
    let pending = all.map((_, i) => i).slice(300);
    while (pending.length) {
      const picked = new Set(rng.sample(pending, Math.min(pending.length, rng.int(1, 60))));
      pending = pending.filter((i) => !picked.has(i));
      const { delta, next } = insertDelta(present, picked, all);
      fold.applyDelta(delta);
      present = next;
      seen.push(entities(fold.state));
      copies.push(structuredClone(seen[seen.length - 1]));
    }
    expect(seen.length).toBeGreaterThan(5);
    for (const [i, objects] of seen.entries()) {
      for (const [path, value] of objects) expect(value, `batch ${i}: ${path}`).toEqual(copies[i]?.get(path));
    }
  });
});

describe('the incremental fold under Yjs', () => {
  /** A peer: a Y.Doc whose events array feeds a CompoundFold through observe. */
  function peer(clientID: number) {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const events = doc.getArray<unknown>('events');
    const fold = new CompoundFold();
    events.observe((e) => fold.applyDelta(arrayChange(e).delta));
    return { doc, events, fold };
  }
  type Peer = ReturnType<typeof peer>;

  const sync = (from: Peer, to: Peer) =>
    Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));

  const agrees = (p: Peer) => expect(p.fold.state).toEqual(foldEvents(p.events.toArray()));

  it('equals the full fold on every peer while offline phones push and sync in random order', () => {
    for (let trial = 0; trial < 6; trial++) {
      const rng = new Prng(4000 + trial);
      const peers = [peer(10 + trial * 3), peer(11 + trial * 3), peer(12 + trial * 3)];
      const [first] = peers as [Peer, Peer, Peer];
      const log = sample.publicEvents;
      first.events.push(log.slice(0, 200));
      for (const p of peers.slice(1)) sync(first, p);
      let next = 200;
      for (let round = 0; round < 40 && next < log.length; round++) {
        const p = rng.pick(peers);
        if (rng.chance(0.6)) {
          const k = rng.int(1, 25);
          p.doc.transact(() => p.events.push(log.slice(next, next + k)));
          next += k;
        } else {
          const q = rng.pick(peers.filter((x) => x !== p));
          sync(p, q);
          agrees(q);
        }
        agrees(p);
      }
      for (const p of peers) for (const q of peers) if (p !== q) sync(p, q);
      for (const p of peers) agrees(p);
      expect(peers[1]?.events.toArray()).toEqual(first.events.toArray());
      expect(peers[2]?.fold.state).toEqual(first.fold.state);
    }
  });
});
