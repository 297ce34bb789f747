import type { EventOf } from '../events/index.ts';
import type { pointsEvents } from '../events/points.ts';
import { exhaustive } from '../rooms.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Contribution, FoldContext, FoldModule } from './FoldContext.ts';

export interface PointsRule {
  id: string;
  name: string;
  points: number;
  definedAt: number;
}

/** One change of a member's balance; every change is traceable to its event. */
export interface PointsEntry {
  eventId: string;
  at: number;
  by: string;
  kind: 'award' | 'redeem' | 'correction';
  delta: number;
  reason: string | null;
  ruleId: string | null;
  goodsId: string | null;
  quantity: number | null;
  targetEventId: string | null;
}

export interface PointsAccount {
  memberId: string;
  balance: number;
  history: PointsEntry[];
}

/**
 * Goods at the love supermarket (爱心超市). Stock is a running total (listed + restocked −
 * redeemed), so a redemption steps only its member's account; a negative stock means redemptions
 * were recorded that the log never restocked for.
 */
export interface GoodsState {
  id: string;
  name: string;
  pricePoints: number;
  listedAt: number;
  /** Listed plus restocked. */
  supplied: number;
  /** Redeemed, net of corrections. */
  redeemed: number;
  stock: number;
}
export type GoodsDraft = Omit<GoodsState, 'redeemed' | 'stock'>;

export interface PointsState {
  rules: Record<string, PointsRule>;
  accounts: Record<string, PointsAccount>;
  goods: Record<string, GoodsState>;
}

type PointsEvent = EventOf<(typeof pointsEvents)[number]['entries']['type']['literal']>;

/** What an award or redemption did, kept on its record for a later correction. */
interface Outcome {
  memberId: string;
  delta: number;
  goodsId: string | null;
  quantity: number;
}

const ruleKey = (id: string) => `rule:${id}`;
const acctKey = (id: string) => `acct:${id}`;
const goodsKey = (id: string) => `goods:${id}`;

/** Folds `points.*` events: a redemption may not take a balance below zero. */
export const pointsModule: FoldModule<PointsEvent> = {
  keys(e) {
    switch (e.type) {
      case 'points.rule.defined':
        return [ruleKey(e.id)];
      case 'points.awarded':
        return [acctKey(e.memberId)];
      case 'points.goods.listed':
        return [goodsKey(e.id)];
      case 'points.goods.restocked':
        return [goodsKey(e.goodsId)];
      case 'points.redeemed':
        return [acctKey(e.memberId)];
      case 'points.corrected':
        return [`e:${e.targetEventId}`];
      default:
        return exhaustive(e);
    }
  },
  refs: (e) =>
    e.type === 'points.awarded'
      ? [
          ...(e.ruleId ? [ruleKey(e.ruleId)] : []),
          ...(e.dutyId ? [`duty:${e.dutyId}`] : []),
          ...(e.requestId ? [`req:${e.requestId}`] : []),
        ]
      : e.type === 'points.redeemed'
        ? [goodsKey(e.goodsId)]
        : [],
  creates: (e) =>
    e.type === 'points.rule.defined' ? ruleKey(e.id) : e.type === 'points.goods.listed' ? goodsKey(e.id) : undefined,
  apply(ctx, e) {
    switch (e.type) {
      case 'points.rule.defined':
        ctx.put(ruleKey(e.id), { id: e.id, name: e.name, points: e.points, definedAt: e.at } satisfies PointsRule);
        return undefined;
      case 'points.awarded':
        return award(ctx, e);
      case 'points.goods.listed':
        ctx.put(goodsKey(e.id), {
          id: e.id,
          name: e.name,
          pricePoints: e.pricePoints,
          listedAt: e.at,
          supplied: e.stock,
        } satisfies GoodsDraft);
        return undefined;
      case 'points.goods.restocked': {
        const goods = ctx.get<GoodsDraft>(goodsKey(e.goodsId));
        if (!goods) return { code: 'no_such', thing: 'goods' };
        goods.supplied += e.quantity;
        return undefined;
      }
      case 'points.redeemed':
        return redeem(ctx, e);
      case 'points.corrected':
        return correct(ctx, e);
      default:
        return exhaustive(e);
    }
  },
};

function account(ctx: FoldContext, memberId: string): PointsAccount {
  const existing = ctx.get<PointsAccount>(acctKey(memberId));
  if (existing) return existing;
  const created: PointsAccount = { memberId, balance: 0, history: [] };
  ctx.put(acctKey(memberId), created);
  return created;
}

function award(ctx: FoldContext, e: EventOf<'points.awarded'>): AnomalyReason | undefined {
  if (e.ruleId !== undefined && !ctx.existed(ruleKey(e.ruleId))) return { code: 'no_such', thing: 'rule' };
  if (e.dutyId !== undefined && !ctx.existed(`duty:${e.dutyId}`)) return { code: 'no_such', thing: 'duty' };
  if (e.requestId !== undefined && !ctx.existed(`req:${e.requestId}`)) return { code: 'no_such', thing: 'request' };
  // A rule's points never change after it is defined, so its final draft is its state at this point.
  const delta = e.ruleId !== undefined ? (ctx.peek<PointsRule>(ruleKey(e.ruleId))?.points ?? 0) : (e.amount ?? 0);
  const acct = account(ctx, e.memberId);
  acct.balance += delta;
  acct.history.push({ ...entry(e, 'award', delta), reason: e.reason, ruleId: e.ruleId ?? null });
  ctx.rec.outcome = { memberId: e.memberId, delta, goodsId: null, quantity: 0 } satisfies Outcome;
  return undefined;
}

function redeem(ctx: FoldContext, e: EventOf<'points.redeemed'>): AnomalyReason | undefined {
  if (!ctx.existed(goodsKey(e.goodsId))) return { code: 'no_such', thing: 'goods' };
  // A price never changes after listing, so the final draft gives the price at this point.
  const cost = (ctx.peek<GoodsDraft>(goodsKey(e.goodsId))?.pricePoints ?? 0) * e.quantity;
  const balance = ctx.get<PointsAccount>(acctKey(e.memberId))?.balance ?? 0;
  if (balance < cost) return { code: 'balance_short', balance, cost };
  const acct = account(ctx, e.memberId);
  acct.balance -= cost;
  acct.history.push({ ...entry(e, 'redeem', -cost), goodsId: e.goodsId, quantity: e.quantity });
  ctx.rec.outcome = { memberId: e.memberId, delta: -cost, goodsId: e.goodsId, quantity: e.quantity } satisfies Outcome;
  return undefined;
}

function correct(ctx: FoldContext, e: EventOf<'points.corrected'>): AnomalyReason | undefined {
  const target = ctx.target(e.targetEventId);
  if (!target || (target.event?.type !== 'points.awarded' && target.event?.type !== 'points.redeemed'))
    return { code: 'no_such', thing: 'target' };
  const done = target.outcome as Outcome;
  const acct = account(ctx, done.memberId);
  if (acct.history.some((h) => h.targetEventId === e.targetEventId)) return { code: 'already_corrected' };
  acct.balance -= done.delta;
  acct.history.push({ ...entry(e, 'correction', -done.delta), reason: e.reason, targetEventId: e.targetEventId });
  return undefined;
}

function entry(e: PointsEvent, kind: PointsEntry['kind'], delta: number): PointsEntry {
  return {
    eventId: e.id,
    at: e.at,
    by: e.by,
    kind,
    delta,
    reason: null,
    ruleId: null,
    goodsId: null,
    quantity: null,
    targetEventId: null,
  };
}

/** An account's redemptions, net of corrections, count against each goods' stock. */
export function accountContributions(acct: PointsAccount): Contribution[] {
  const corrected = new Set<string>();
  for (const h of acct.history) if (h.targetEventId !== null) corrected.add(h.targetEventId);
  const out: Contribution[] = [];
  for (const h of acct.history)
    if (h.kind === 'redeem' && h.goodsId !== null && h.quantity !== null && !corrected.has(h.eventId))
      out.push(['redeemed', h.goodsId, h.quantity]);
  return out;
}
