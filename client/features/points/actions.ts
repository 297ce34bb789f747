import type { RuleKind } from '../../../shared/events/points.ts';
import type { AwardSuggestion, PointsState } from '../../../shared/folds/index.ts';
import { ticketUsed } from '../../../shared/folds/pointsQueries.ts';
import { appendPublic } from '../../domain/appendPublic.ts';
import type { CompoundSession } from '../../domain/session.ts';
import type { RedemptionRequest } from './redemptionCode.ts';

export interface RuleInput {
  name: string;
  points: number;
  kind: RuleKind;
  from: string;
}

export function defineRule(session: CompoundSession, input: RuleInput): string {
  return appendPublic(session, 'points.rule.defined', {
    name: input.name.trim(),
    points: input.points,
    kind: input.kind,
    from: input.from,
  });
}

/** One tap: the suggested award, naming its source so the suggestion goes away. */
export function confirmAward(session: CompoundSession, s: AwardSuggestion): string {
  return appendPublic(session, 'points.awarded', {
    memberId: s.memberId,
    ruleId: s.rule.id,
    ...(s.units > 1 ? { units: s.units } : {}),
    reason: s.rule.name,
    ...(s.source.kind === 'duty' ? { dutyId: s.source.id } : {}),
    ...(s.source.kind === 'meeting' ? { meetingId: s.source.id } : {}),
    ...(s.source.kind === 'request' ? { requestId: s.source.id } : {}),
  });
}

/** Reverses an award or a redemption; the reason stays in the member's history. */
export function correct(session: CompoundSession, targetEventId: string, reason: string): void {
  appendPublic(session, 'points.corrected', { targetEventId, reason: reason.trim() });
}

export function listGoods(session: CompoundSession, name: string, pricePoints: number, stock: number): string {
  return appendPublic(session, 'points.goods.listed', { name: name.trim(), pricePoints, stock });
}

export function restock(session: CompoundSession, goodsId: string, quantity: number): void {
  appendPublic(session, 'points.goods.restocked', { goodsId, quantity });
}

/** 盘点: what is on the shelf, against the stock this phone shows; the stock becomes the count. */
export function countShelf(session: CompoundSession, goodsId: string, counted: number, expected: number): void {
  appendPublic(session, 'points.goods.counted', { goodsId, counted, expected });
}

/** Why the counter cannot record a scanned request, as a catalog key; undefined when it can. */
export type RedeemProblem = 'points.noSuchGoods' | 'points.ticketUsed' | 'points.short' | 'points.noStock';

export function redeemProblem(points: PointsState, r: RedemptionRequest): RedeemProblem | undefined {
  const goods = points.goods[r.goodsId];
  if (!goods) return 'points.noSuchGoods';
  const account = points.accounts[r.memberId];
  if (ticketUsed(account, r.ticket)) return 'points.ticketUsed';
  if ((account?.balance ?? 0) < goods.pricePoints * r.quantity) return 'points.short';
  if (goods.stock < r.quantity) return 'points.noStock';
  return undefined;
}

/** The counter records a scanned redemption; the price is the counter's, whatever the code says. */
export function redeem(session: CompoundSession, r: RedemptionRequest): string {
  return appendPublic(session, 'points.redeemed', {
    memberId: r.memberId,
    goodsId: r.goodsId,
    quantity: r.quantity,
    ticket: r.ticket,
  });
}

/** The committee turns the thanks wall on or off for the whole compound. */
export function setThanksWall(session: CompoundSession, on: boolean): void {
  appendPublic(session, 'points.thanks-wall.set', { on });
}
