import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../sync-server/limits/TokenBucket.ts';

/** A bucket on a clock the test moves by hand. */
function bucket(rate: number, burst: number) {
  let now = 1_000;
  const b = new TokenBucket(rate, burst, () => now);
  return {
    take: (n?: number) => b.take(n),
    wait: (ms: number) => {
      now += ms;
    },
  };
}

describe('the token bucket', () => {
  it('starts full: a burst goes through at once, the next take is refused', () => {
    const b = bucket(10, 5);
    for (let i = 0; i < 5; i++) expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('refills at its rate per second', () => {
    const b = bucket(10, 5);
    for (let i = 0; i < 5; i++) b.take();
    b.wait(100);
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    b.wait(300);
    expect(b.take(3)).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('adds up fractions of a token across takes', () => {
    const b = bucket(2, 1);
    b.take();
    b.wait(250);
    expect(b.take()).toBe(false);
    b.wait(250);
    expect(b.take()).toBe(true);
  });

  it('never holds more than its burst, however long it was idle', () => {
    const b = bucket(10, 5);
    b.wait(3_600_000);
    expect(b.take(5)).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('takes many tokens at once (bytes) only when all are there, and a refusal costs nothing', () => {
    const b = bucket(1000, 4000);
    expect(b.take(3000)).toBe(true);
    expect(b.take(2000)).toBe(false);
    expect(b.take(1000)).toBe(true);
  });

  it('refuses a take larger than the burst even when full', () => {
    const b = bucket(1000, 4000);
    b.wait(60_000);
    expect(b.take(4001)).toBe(false);
    expect(b.take(4000)).toBe(true);
  });
});
