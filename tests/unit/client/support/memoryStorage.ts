import { afterEach, beforeEach } from 'vitest';

/** Node has no localStorage: the Web Storage interface over a Map, with a quota like a browser's. */
export class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  constructor(readonly quota = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.#items.size;
  }
  key(i: number) {
    return [...this.#items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.#items.get(k) ?? null;
  }
  setItem(k: string, value: string) {
    if (value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.#items.set(k, String(value));
  }
  removeItem(k: string) {
    this.#items.delete(k);
  }
  clear() {
    this.#items.clear();
  }
}

/** A fresh empty localStorage for each test of the describe block calling it, and none after. */
export function useMemoryStorage(): void {
  beforeEach(() => {
    globalThis.localStorage = new MemoryStorage();
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });
}
