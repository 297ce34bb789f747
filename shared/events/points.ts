import * as v from 'valibot';
import { Day } from '../time.ts';
import { defineEvent, EventRef, Int, Line, MeetingId, MemberId } from './envelope.ts';

/**
 * What a rule rewards, so the app can suggest its awards: an hour of duty, a meeting attended, a
 * snap report (随手拍) the committee accepted, anything else.
 */
export const ruleKinds = ['duty_hour', 'meeting', 'snap_report', 'other'] as const;
export type RuleKind = (typeof ruleKinds)[number];

/**
 * A line of the points rule list, e.g. volunteer activity +10; a negative rule deducts. Its id is
 * this event's id; `from` is the day it takes effect (the day it was defined if absent).
 */
export const RuleDefined = defineEvent('points.rule.defined', {
  name: Line(60),
  points: Int(-1000, 1000),
  kind: v.optional(v.picklist(ruleKinds)),
  from: v.optional(Day),
});

/**
 * Points for a member: by a rule (its points, times `units`, e.g. hours of duty) or by an explicit
 * amount, never both. Its source (a duty, a request, a meeting) makes the suggestion it confirms go away.
 */
export const PointsAwarded = defineEvent('points.awarded', {
  memberId: MemberId,
  ruleId: v.optional(EventRef),
  units: v.optional(Int(1, 100)),
  amount: v.optional(Int(-10_000, 10_000)),
  reason: Line(200),
  dutyId: v.optional(EventRef),
  requestId: v.optional(EventRef),
  meetingId: v.optional(MeetingId),
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

/**
 * The committee counts goods on the shelf (盘点): `counted` is what is there, `expected` the stock
 * the counting phone showed. The stock moves by the difference, as a restock (or a loss) would, so
 * the order in which copies hold the events never matters.
 */
export const GoodsCounted = defineEvent('points.goods.counted', {
  goodsId: EventRef,
  counted: Int(0, 100_000),
  // Whatever the stock reads, however wrong, a count can put it right.
  expected: Int(-1_000_000_000_000, 1_000_000_000_000),
});

/**
 * A member exchanges points for goods at the counter. `ticket` is the one-time id of the member's
 * redemption QR: a ticket redeemed twice counts once. A redemption past the balance is kept and flagged.
 */
export const PointsRedeemed = defineEvent('points.redeemed', {
  memberId: MemberId,
  goodsId: EventRef,
  quantity: Int(1, 100),
  ticket: v.optional(EventRef),
});

/** Reverses an earlier award or redemption; nothing is ever deleted. */
export const PointsCorrected = defineEvent('points.corrected', {
  targetEventId: EventRef,
  reason: Line(500),
});

/**
 * The committee turns the compound's thanks wall (感谢墙) on or off: names of members thanked, without
 * order or numbers. Off until set; of concurrent sets the latest by (at, id) holds everywhere.
 */
export const ThanksWallSet = defineEvent('points.thanks-wall.set', {
  on: v.boolean(),
});

export const pointsEvents = [
  RuleDefined,
  PointsAwarded,
  GoodsListed,
  GoodsRestocked,
  GoodsCounted,
  PointsRedeemed,
  PointsCorrected,
  ThanksWallSet,
] as const;
