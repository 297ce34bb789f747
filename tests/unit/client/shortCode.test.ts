import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { encodeRedemption, parseRedemption } from '../../../client/features/points/redemptionCode.ts';
import {
  codeGroups,
  findShortCode,
  newTicket,
  SHORT_CODE_DIGITS,
  shortCode,
  typedDigits,
} from '../../../client/features/points/shortCode.ts';
import { EventRef } from '../../../shared/events/envelope.ts';

const members = Array.from({ length: 300 }, (_, i) => `member-${i}`);
const goods = Array.from({ length: 30 }, (_, i) => `goods-${i}`);

describe('the digits under a redemption QR', () => {
  it('are ten digits naming member, goods and a number the phone picked', () => {
    const code = shortCode('member-7', 'goods-3', 42);
    expect(code).toMatch(/^042\d{7}$/);
    expect(shortCode('member-7', 'goods-3', 42)).toBe(code);
    expect(shortCode('member-8', 'goods-3', 42)).not.toBe(code);
    expect(shortCode('member-7', 'goods-4', 42)).not.toBe(code);
    expect(shortCode('member-7', 'goods-3', 43)).not.toBe(code);
  });

  it('typed at a counter whose copy holds a compound’s members and goods, find exactly that redemption', () => {
    for (const [m, g, n] of [
      [0, 0, 0],
      [123, 17, 999],
      [299, 29, 500],
    ] as const) {
      const code = shortCode(members[m]!, goods[g]!, n);
      expect(findShortCode(code, members, goods)).toEqual({
        kind: 'found',
        memberId: members[m],
        goodsId: goods[g],
        ticket: code,
      });
    }
  });

  it('mistyped (a digit changed, two swapped) or short, find nothing', () => {
    const [some, few] = [members.slice(0, 100), goods.slice(0, 10)];
    const code = shortCode(some[42]!, few[5]!, 318);
    const changed = [...code].map((d, i) => code.slice(0, i) + String((Number(d) + 1) % 10) + code.slice(i + 1));
    const swapped = [...code]
      .map((_, i) => code.slice(0, i) + code.slice(i + 1, i + 2) + code.slice(i, i + 1) + code.slice(i + 2))
      .filter((c) => c !== code && c.length === SHORT_CODE_DIGITS);
    for (const typo of [...changed, ...swapped])
      expect(findShortCode(typo, some, few), typo).toEqual({ kind: 'unknown' });
    expect(findShortCode(code.slice(1), some, few)).toEqual({ kind: 'unknown' });
    expect(findShortCode(`${code}0`, some, few)).toEqual({ kind: 'unknown' });
    // A member or goods this copy has not heard of yet.
    expect(findShortCode(code, some.slice(0, 42), few)).toEqual({ kind: 'unknown' });
    expect(findShortCode(code, some, few.slice(0, 5))).toEqual({ kind: 'unknown' });
  });

  it('matching two redemptions of the copy, say so rather than pick one', () => {
    // Some number and two pairs with the same digits: found by trying, as rare as they are.
    const many = Array.from({ length: 2000 }, (_, i) => `m${i}`);
    const seen = new Map<string, string>();
    let clash: [string, string, string] | undefined;
    for (let n = 0; !clash; n++)
      for (const m of many) {
        const code = shortCode(m, 'rice', n);
        const other = seen.get(code);
        if (other) clash = [other, m, code];
        seen.set(code, m);
      }
    const [a, b, code] = clash;
    expect(findShortCode(code, [a], ['rice'])).toMatchObject({ kind: 'found', memberId: a });
    expect(findShortCode(code, [a, b], ['rice'])).toEqual({ kind: 'ambiguous' });
  });

  it('opened again, are never a code the member’s account already used', () => {
    const used = new Set([shortCode('member-1', 'goods-1', 500), shortCode('member-1', 'goods-1', 501)]);
    const fresh = newTicket(
      'member-1',
      'goods-1',
      (t) => used.has(t),
      new Set(),
      () => 0.5,
    );
    expect(fresh).toEqual({ ticket: shortCode('member-1', 'goods-1', 502), digits: true });
    expect(
      newTicket(
        'member-1',
        'goods-1',
        () => false,
        new Set(),
        () => 0.999_9,
      ).ticket,
    ).toMatch(/^999/);
    expect(newTicket('member-1', 'goods-1', () => false, new Set()).ticket).toMatch(/^\d{10}$/);
  });

  it('opened again, are never a number this phone showed before, though no scan of it reached the copy', () => {
    // Two openings drawing the same number: before, the second showed the first's code (1 in 1,000).
    const issued = new Set<number>();
    const first = newTicket(
      'member-1',
      'goods-1',
      () => false,
      issued,
      () => 0.5,
    );
    const second = newTicket(
      'member-1',
      'goods-1',
      () => false,
      issued,
      () => 0.5,
    );
    expect(first.ticket).toBe(shortCode('member-1', 'goods-1', 500));
    expect(second.ticket).toBe(shortCode('member-1', 'goods-1', 501));
    expect([...issued]).toEqual([500, 501]);
  });

  it('with all 1,000 numbers used or shown, are a fresh random id the QR carries without digits', () => {
    // Before, the member was shown a used code and could never redeem these goods again.
    const used = new Set(Array.from({ length: 600 }, (_, n) => shortCode('member-1', 'goods-1', n)));
    const issued = new Set(Array.from({ length: 400 }, (_, n) => 600 + n));
    const a = newTicket('member-1', 'goods-1', (t) => used.has(t), issued);
    const b = newTicket('member-1', 'goods-1', (t) => used.has(t), issued);
    expect(a.digits).toBe(false);
    expect(a.ticket).not.toMatch(/^\d+$/);
    expect(a.ticket).not.toBe(b.ticket);
    expect(v.is(EventRef, a.ticket)).toBe(true);
    expect(
      parseRedemption(
        encodeRedemption({ ticket: a.ticket, memberId: 'member-1', goodsId: 'goods-1', quantity: 1, points: 30 }),
      )?.ticket,
    ).toBe(a.ticket);
  });

  it('are shown in groups of 4-3-3 and read back whatever was typed between them', () => {
    expect(codeGroups('4821937106')).toEqual(['4821', '937', '106']);
    expect(codeGroups('48219')).toEqual(['4821', '9']);
    expect(typedDigits(' 4821-937 106 ')).toBe('4821937106');
    expect(typedDigits('４８２１９３７１０６')).toBe('4821937106');
  });
});
