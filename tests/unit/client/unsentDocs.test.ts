import { afterAll, beforeEach, describe, expect, it } from 'vitest';

// localStorage as a browser has it, for the list's reads and writes in Node.
class MemoryStorage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(i: number): string | null {
    return [...this.#items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.#items.get(k) ?? null;
  }
  setItem(k: string, value: string): void {
    this.#items.set(k, String(value));
  }
  removeItem(k: string): void {
    this.#items.delete(k);
  }
  clear(): void {
    this.#items.clear();
  }
}
const g = globalThis as { localStorage?: unknown };
const was = g.localStorage;
const storage = new MemoryStorage();
g.localStorage = storage;
afterAll(() => {
  g.localStorage = was;
});

const { docsWithUnsent, markUnsent } = await import('../../../client/sync/unsentDocs.ts');
const { forgetCompoundKeys } = await import('../../../client/sync/localKeys.ts');

describe('the list of documents left with unsent changes', () => {
  beforeEach(() => storage.clear());

  it('holds a document from its first unsent change until the relay holds them all', () => {
    expect(docsWithUnsent('c1')).toEqual([]);
    markUnsent('c1', 'minutes-m1', true);
    markUnsent('c1', 'minutes-m2', true);
    markUnsent('c1', 'minutes-m1', true);
    markUnsent('c2', 'minutes-m9', true);
    expect(docsWithUnsent('c1')).toEqual(['minutes-m1', 'minutes-m2']);
    markUnsent('c1', 'minutes-m1', false);
    expect(docsWithUnsent('c1')).toEqual(['minutes-m2']);
    markUnsent('c1', 'minutes-m2', false);
    expect(docsWithUnsent('c1')).toEqual([]);
    expect(storage.length).toBe(1);
    expect(docsWithUnsent('c2')).toEqual(['minutes-m9']);
  });

  it('forgets a list it cannot read, and goes with its compound', () => {
    for (const bad of ['not json', '{"a":1}', '[1,2]', JSON.stringify(['x'.repeat(201)])]) {
      storage.setItem('little-stool:unsent-docs:c1', bad);
      expect(docsWithUnsent('c1')).toEqual([]);
      expect(storage.getItem('little-stool:unsent-docs:c1')).toBeNull();
    }
    markUnsent('c1', 'minutes-m1', true);
    forgetCompoundKeys('c1');
    expect(docsWithUnsent('c1')).toEqual([]);
  });
});
