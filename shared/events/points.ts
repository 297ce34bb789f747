import * as v from 'valibot';
import { defineEvent, EventRef, Int, Line, MemberId } from './envelope.ts';

/** A line of the points rule list, e.g. volunteer activity +10; a negative rule deducts. Its id is this event's id. */
export const RuleDefined = defineEvent('points.rule.defined', {
  name: Line(60),
  points: Int(-1000, 1000),
});

/** Points for a member: by a rule (its points) or by an explicit amount, never both. */
export const PointsAwarded = defineEvent('points.awarded', {
  memberId: MemberId,
  ruleId: v.optional(EventRef),
  amount: v.optional(Int(-10_000, 10_000)),
  reason: Line(200),
  dutyId: v.optional(EventRef),
  requestId: v.optional(EventRef),
});

/** Goods at the love supermarket (爱心超市). Its id is this event's id. */
export const GoodsListed = defineEvent('points.goods.listed', {
  name: Line(60),
  pricePoints: Int(1, 100_000),
  stock: Int(0, 100_000),
});

export const GoodsRestocked = defineEvent('points.goods.restocked', {
  goodsId: EventRef,
  quantity: Int(1, 100_000),
});

/** A member exchanges points for goods; refused by the fold if the balance or the stock is short. */
export const PointsRedeemed = defineEvent('points.redeemed', {
  memberId: MemberId,
  goodsId: EventRef,
  quantity: Int(1, 100),
});

/** Reverses an earlier award or redemption; nothing is ever deleted. */
export const PointsCorrected = defineEvent('points.corrected', {
  targetEventId: EventRef,
  reason: Line(500),
});

export const pointsEvents = [
  RuleDefined,
  PointsAwarded,
  GoodsListed,
  GoodsRestocked,
  PointsRedeemed,
  PointsCorrected,
] as const;
