import { describe, expect, it } from 'vitest';
import { pointsWords, signedAmount } from '../../../client/features/points/amount.ts';

describe('points typed by hand', () => {
  it('reads a whole number with its chosen sign, a minus typed anyway deducting too', () => {
    expect(signedAmount('10', 'add')).toBe(10);
    expect(signedAmount(' 10 ', 'deduct')).toBe(-10);
    expect(signedAmount('-10', 'add')).toBe(-10);
    expect(signedAmount('-10', 'deduct')).toBe(-10);
    expect(signedAmount('0', 'add')).toBeUndefined();
    expect(signedAmount('', 'add')).toBeUndefined();
    expect(signedAmount('1.5', 'add')).toBeUndefined();
    expect(signedAmount('10001', 'add')).toBeUndefined();
  });

  it('says the points in words', () => {
    expect(pointsWords(10)).toBe('加 10 分');
    expect(pointsWords(-10)).toBe('扣 10 分');
  });
});
