import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from '../../../sync-server/limits/KeyedLimiter.ts';

describe('KeyedLimiter', () => {
  const frozen = () => 0;

  it('gives every key its own bucket', () => {
    const limiter = new KeyedLimiter(1, 2, 10, frozen);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
  });

  it('forgets only the least recently seen key when a new one comes past its capacity', () => {
    const limiter = new KeyedLimiter(1, 1, 3, frozen);
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    limiter.take('a');
    limiter.take('d');
    expect(limiter.size).toBe(3);
    // `a` was seen again after `b`, so `b` went and starts over; `a` and `c` are still spent.
    expect([limiter.take('a'), limiter.take('c'), limiter.take('b')]).toEqual([false, false, true]);
  });
});
