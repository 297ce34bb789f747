import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { encodePlan, fitWithin, MAX_SIDE } from '../../../client/media/resize.ts';
import { plainSha256Hex, sha256Hex } from '../../../client/media/sha256.ts';

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
  const cases = [0, 1, 55, 56, 63, 64, 65, 1000, 300_000].map((n) =>
    Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff),
  );

  it('matches node:crypto on empty, short, block-edge and large inputs', () => {
    for (const bytes of cases) {
      const hex = plainSha256Hex(bytes);
      expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('gives the FIPS 180-4 digests of "abc" and the empty string', () => {
    expect(plainSha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(plainSha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('names a photo the same with WebCrypto and without it', async () => {
    for (const bytes of cases) expect(await sha256Hex(bytes)).toBe(plainSha256Hex(bytes));
  });

  it('names a photo on a page without crypto.subtle', async () => {
    vi.stubGlobal('crypto', {});
    try {
      expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
