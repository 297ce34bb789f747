import { describe, expect, it } from 'vitest';
import { IdTable } from '../../shared/folds/IdTable.ts';
import { Prng } from '../../shared/sample/Prng.ts';

interface Item {
  id: string;
  step: number;
}

describe('IdTable', () => {
  // Thousands of random operations: seconds alone, much longer on a loaded 2-core machine.
  it('answers as a Map does under random sets, adds and deletes, across growth', () => {
    for (let trial = 0; trial < 5; trial++) {
      const rng = new Prng(500 + trial);
      const table = new IdTable<Item>((item) => item.id);
      const map = new Map<string, Item>();
      if (trial % 2) table.reserve(rng.int(1, 5000));
      // Few distinct keys, so the same ones are set, deleted and set again.
      const keys = Array.from({ length: 3000 }, (_, i) =>
        i % 7 === 0 ? crypto.randomUUID() : `s${trial}-${i.toString(36)}`,
      );
      for (let step = 0; step < 20_000; step++) {
        const item = { id: rng.pick(keys), step };
        const roll = rng.int(0, 9);
        if (roll < 3) expect(table.delete(item.id)).toBe(map.delete(item.id));
        else if (roll < 6) {
          expect(table.add(item)).toBe(!map.has(item.id));
          if (!map.has(item.id)) map.set(item.id, item);
        } else {
          table.set(item);
          map.set(item.id, item);
        }
        if (step % 1999 === 0) {
          expect(table.size).toBe(map.size);
          for (const k of keys) expect(table.get(k)).toBe(map.get(k));
        }
      }
      for (const k of keys) expect(table.has(k)).toBe(map.has(k));
    }
  }, 120_000);

  it('keeps keys with the same hash bits apart', () => {
    const table = new IdTable<Item>((item) => item.id);
    const ids = ['', 'a', 'b', 'ab', 'ba', '\u0000', '\u0000\u0000', '小板凳', 'x'.repeat(64)];
    for (const [step, id] of ids.entries()) table.set({ id, step });
    for (const [step, id] of ids.entries()) expect(table.get(id)).toEqual({ id, step });
    expect(table.get('c')).toBeUndefined();
  });
});
