import type { RuleKind } from '../../../shared/events/points.ts';
import type {
  AwardSource,
  AwardSuggestion,
  PointsEntry,
  PointsRule,
  PointsState,
} from '../../../shared/folds/index.ts';
import { ticketUsed } from '../../../shared/folds/pointsQueries.ts';
import { appendPublic, appendPublicEvents, publicEvent } from '../../domain/appendPublic.ts';
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
    ...sourceFields(s.source),
  });
}

/** The fields of an award naming what it pays for. */
function sourceFields(source: AwardSource | null): { dutyId?: string; meetingId?: string; requestId?: string } {
  if (source?.kind === 'duty') return { dutyId: source.id };
  if (source?.kind === 'meeting') return { meetingId: source.id };
  if (source?.kind === 'request') return { requestId: source.id };
  return {};
}

/**
 * The reason an award by hand holds: a rule's name before the committee's words when the award
 * does not name the rule (its points were changed, or it replaces an award under the rule).
 */
export function ruleReason(rule: PointsRule | undefined, reason: string): string {
  return (rule ? `${rule.name}：${reason.trim()}` : reason.trim()).slice(0, 200);
}

/**
 * The committee awards (or deducts) points by hand. A rule's points kept as they are name the rule;
 * changed, the award is an explicit amount whose reason starts with the rule's name (an award holds
 * a rule or an amount, never both: `permissions.ts`).
 */
export function awardManually(
  session: CompoundSession,
  memberId: string,
  rule: PointsRule | undefined,
  amount: number,
  reason: string,
): string {
  if (rule && rule.points === amount)
    return appendPublic(session, 'points.awarded', { memberId, ruleId: rule.id, reason: reason.trim() });
  return appendPublic(session, 'points.awarded', { memberId, amount, reason: ruleReason(rule, reason) });
}

/**
 * Reverses an award or a redemption; the reason stays in the member's history. With `reAward`, an
 * award of the right points takes the reversed award's place, with its reason (`ruleReason` of a
 * rule's award by hand) and naming its duty, meeting or report.
 */
export function correct(
  session: CompoundSession,
  target: PointsEntry,
  reason: string,
  reAward?: { memberId: string; amount: number; rule: PointsRule | undefined },
): void {
  const correction = publicEvent(session, 'points.corrected', { targetEventId: target.eventId, reason: reason.trim() });
  if (!reAward || target.kind !== 'award') {
    appendPublicEvents(session, [correction]);
    return;
  }
  // A suggestion's award holds the rule's name as its reason already; one by hand, the committee's words.
  const byHand = target.source === null ? reAward.rule : undefined;
  // Both or neither: a re-award the rules refuse (points for oneself) leaves the line as it was.
  const award = publicEvent(session, 'points.awarded', {
    memberId: reAward.memberId,
    amount: reAward.amount,
    reason: ruleReason(byHand, target.reason ?? reason),
    ...sourceFields(target.source),
  });
  appendPublicEvents(session, [correction, award]);
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
