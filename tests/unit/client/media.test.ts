import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodePlan, fitWithin, MAX_SIDE } from '../../../client/media/resize.ts';
import { sha256 } from '../../../client/media/sha256.ts';

describe('photo downscaling plan', () => {
  it('fits the longest side within 1280 px, never enlarging', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1280, height: 960 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 960, height: 1280 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('steps the quality down from 0.8 at full size before it shrinks the photo', () => {
    const plan = encodePlan(4000, 3000);
    expect(plan[0]).toEqual({ width: 1280, height: 960, quality: 0.8 });
    expect(plan.slice(0, 5).map((s) => s.quality)).toEqual([0.8, 0.7, 0.6, 0.5, 0.4]);
    expect(plan.every((s) => Math.max(s.width, s.height) <= MAX_SIDE)).toBe(true);
    expect(plan.at(-1)!.width).toBeLessThan(1280);
  });
});

describe('the plain-JS SHA-256 used where crypto.subtle is missing (plain http)', () => {
  it('matches node:crypto on empty, short, block-edge and large inputs', () => {
    const cases = [0, 1, 55, 56, 63, 64, 65, 1000, 300_000].map((n) =>
      Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff),
    );
    for (const bytes of cases) {
      const hex = Buffer.from(sha256(bytes)).toString('hex');
      expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
