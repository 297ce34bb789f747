import * as v from 'valibot';
import { EventRef, Int, MemberId } from '../../../shared/events/envelope.ts';

/**
 * What the member's phone shows as a QR at the love supermarket's counter: who, which goods, how
 * many, the points they cost on the member's phone, and a one-time id. Nothing is signed: the
 * counter (a committee member) checks the member in person and its write is what counts.
 */
export interface RedemptionRequest {
  ticket: string;
  memberId: string;
  goodsId: string;
  quantity: number;
  points: number;
}

const Code = v.strictObject({
  k: v.literal('ls-redeem'),
  t: EventRef,
  m: MemberId,
  g: EventRef,
  q: Int(1, 100),
  p: Int(0, 10_000_000),
});

/** Compact JSON with short keys, so the QR stays small enough for an old phone's camera. */
export function encodeRedemption(r: RedemptionRequest): string {
  return JSON.stringify({ k: 'ls-redeem', t: r.ticket, m: r.memberId, g: r.goodsId, q: r.quantity, p: r.points });
}

/** The request in a scanned text, or undefined if it is not one. */
export function parseRedemption(text: string): RedemptionRequest | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = v.safeParse(Code, raw);
  if (!parsed.success) return undefined;
  const c = parsed.output;
  return { ticket: c.t, memberId: c.m, goodsId: c.g, quantity: c.q, points: c.p };
}
