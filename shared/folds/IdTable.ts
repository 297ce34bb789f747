/**
 * Values by string key (records by event id), for tens of thousands of keys loaded at once. An
 * open-addressing table keeps each slot's hash and value number side by side in one Int32Array,
 * and which slots are used in a bitset small enough to stay in cache: adding a new key usually
 * reads only the bitset, the table can be sized once for a whole log, and the garbage collector
 * has no table of pointers to trace. A Map spent most of a whole-log fold growing and missing
 * cache. Each value carries its key (`keyOf`), so keys are not stored.
 */
export class IdTable<V> {
  readonly #keyOf: (value: V) => string;
  /** Pairs [hash, value number + 1] of used slots. Never more than half full. */
  #slots = new Int32Array(2 * 64);
  /** One bit per slot: used or not. */
  #used = new Uint32Array(64 / 32);
  #mask = 63;
  #size = 0;
  /** Values in insertion order (the first `#count` elements); a deleted one leaves a hole. */
  #values: (V | undefined)[] = [];
  #count = 0;

  constructor(keyOf: (value: V) => string) {
    this.#keyOf = keyOf;
  }

  get size(): number {
    return this.#size;
  }

  get(key: string): V | undefined {
    const slot = this.#find(key, hashOf(key));
    return slot < 0 ? undefined : this.#values[(this.#slots[2 * slot + 1] as number) - 1];
  }

  has(key: string): boolean {
    return this.#find(key, hashOf(key)) >= 0;
  }

  /** Sets the value of `keyOf(value)`. */
  set(value: V): void {
    this.#put(value, true);
  }

  /** Adds a value unless one with its key is there already; true if it was added. */
  add(value: V): boolean {
    return this.#put(value, false);
  }

  /** Makes room for `count` more keys, so adding them never rehashes (nor grows an array, if empty). */
  reserve(count: number): void {
    let capacity = this.#mask + 1;
    while (2 * (this.#size + count) > capacity - 1) capacity *= 2;
    if (capacity > this.#mask + 1) this.#rehash(capacity);
    // Sized once for a whole log, with room for what arrives next; past that it grows as a push would.
    if (this.#count === 0 && this.#values.length < count) this.#values = new Array<V | undefined>(count + (count >> 2));
  }

  delete(key: string): boolean {
    let i = this.#find(key, hashOf(key));
    if (i < 0) return false;
    const slots = this.#slots;
    const used = this.#used;
    const mask = this.#mask;
    this.#values[(slots[2 * i + 1] as number) - 1] = undefined;
    this.#size -= 1;
    // Backward-shift deletion: move each later slot of the run into the gap if its home allows.
    for (let j = (i + 1) & mask; isUsed(used, j); j = (j + 1) & mask) {
      const home = (slots[2 * j] as number) & mask;
      if (((j - home) & mask) >= ((j - i) & mask)) {
        slots[2 * i] = slots[2 * j] as number;
        slots[2 * i + 1] = slots[2 * j + 1] as number;
        i = j;
      }
    }
    setUsed(used, i, false);
    return true;
  }

  #put(value: V, replace: boolean): boolean {
    const key = this.#keyOf(value);
    const hash = hashOf(key);
    const slots = this.#slots;
    const used = this.#used;
    const mask = this.#mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (!isUsed(used, i)) {
        setUsed(used, i, true);
        slots[2 * i] = hash;
        this.#values[this.#count] = value;
        slots[2 * i + 1] = ++this.#count;
        this.#size += 1;
        if (2 * this.#size > mask) this.#rehash(2 * (mask + 1));
        return true;
      }
      const n = slots[2 * i + 1] as number;
      if (slots[2 * i] === hash && this.#keyOf(this.#values[n - 1] as V) === key) {
        if (replace) this.#values[n - 1] = value;
        return false;
      }
    }
  }

  #find(key: string, hash: number): number {
    const slots = this.#slots;
    const used = this.#used;
    const mask = this.#mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (!isUsed(used, i)) return -1;
      const n = slots[2 * i + 1] as number;
      if (slots[2 * i] === hash && this.#keyOf(this.#values[n - 1] as V) === key) return i;
    }
  }

  /** Moves every slot into a table of `capacity` slots (a power of two). */
  #rehash(capacity: number): void {
    const old = this.#slots;
    const oldUsed = this.#used;
    const slots = new Int32Array(2 * capacity);
    const used = new Uint32Array(capacity / 32);
    const mask = capacity - 1;
    for (let s = 0; s <= this.#mask; s++) {
      if (!isUsed(oldUsed, s)) continue;
      const hash = old[2 * s] as number;
      let i = hash & mask;
      while (isUsed(used, i)) i = (i + 1) & mask;
      setUsed(used, i, true);
      slots[2 * i] = hash;
      slots[2 * i + 1] = old[2 * s + 1] as number;
    }
    this.#slots = slots;
    this.#used = used;
    this.#mask = mask;
  }
}

function isUsed(used: Uint32Array, slot: number): boolean {
  return ((used[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;
}

function setUsed(used: Uint32Array, slot: number, on: boolean): void {
  const bit = 1 << (slot & 31);
  used[slot >>> 5] = on ? (used[slot >>> 5] as number) | bit : (used[slot >>> 5] as number) & ~bit;
}

/** FNV-1a over UTF-16 code units, then a murmur3 finalizer so the low bits spread. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
