import * as v from 'valibot';
import { compoundKey } from '../sync/localKeys.ts';

const Numbers = v.array(v.pipe(v.number(), v.integer(), v.minValue(0)));

/** The numbers a phone has put into redemption codes, to pick a fresh one by. */
export interface IssuedNumbers {
  has(n: number): boolean;
  add(n: number): void;
}

/**
 * The numbers of the redemption codes this phone has shown for a member and goods, kept in
 * localStorage: a code a counter scanned that has not reached the member's copy yet, or one open in
 * another tab, is never shown again. Read afresh each time it is made (once per code opened), so a
 * code opened now sees what another tab showed; without storage (some private modes) nothing is kept.
 */
export function issuedTickets(compoundId: string, memberId: string, goodsId: string): IssuedNumbers {
  const key = compoundKey('tickets', compoundId, memberId, goodsId);
  const held = new Set<number>();
  try {
    const parsed = v.safeParse(Numbers, JSON.parse(localStorage.getItem(key) ?? '[]'));
    if (parsed.success) for (const n of parsed.output) held.add(n);
  } catch {
    // Not JSON, or no localStorage: nothing was kept.
  }
  return {
    has: (n) => held.has(n),
    add(n) {
      held.add(n);
      try {
        localStorage.setItem(key, JSON.stringify([...held]));
      } catch {
        // Full or missing: the number is skipped for this visit only.
      }
    },
  };
}
