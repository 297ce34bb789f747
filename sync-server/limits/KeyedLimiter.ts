import { TokenBucket } from './TokenBucket.ts';

/**
 * Token buckets by key (an address, a member id), remembering at most `capacity` keys: when a new
 * key comes past that, the least recently seen key is forgotten, never everyone at once.
 */
export class KeyedLimiter {
  // A Map iterates in insertion order: re-inserting a key on each use keeps the oldest first.
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly capacity = 10_000,
    private readonly now?: () => number,
  ) {}

  /** Takes `n` tokens for `key`; false if its bucket holds fewer. */
  take(key: string, n = 1): boolean {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
    } else {
      bucket = new TokenBucket(this.perSecond, this.burst, this.now);
      if (this.buckets.size >= this.capacity) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, bucket);
    return bucket.take(n);
  }

  get size(): number {
    return this.buckets.size;
  }
}
