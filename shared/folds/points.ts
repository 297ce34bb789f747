import type { EventOf } from '../events/index.ts';
import type { pointsEvents, RuleKind } from '../events/points.ts';
import { exhaustive } from '../rooms.ts';
import { shanghaiDay } from '../time.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Contribution, FoldContext, FoldModule } from './FoldContext.ts';
import { record } from './pointsHistory.ts';
import { isNewer } from './stamp.ts';

export interface PointsRule {
  id: string;
  name: string;
  points: number;
  kind: RuleKind;
  /** The day it takes effect (Asia/Shanghai). */
  from: string;
  definedAt: number;
  definedBy: string;
}

/** One change of a member's balance; every change is traceable to its event. */
export interface PointsEntry {
  eventId: string;
  at: number;
  by: string;
  kind: 'award' | 'redeem' | 'correction';
  /** What the line moved the balance by: its `amount`, or 0 if it counts for nothing. */
  delta: number;
  /** What the line is worth when it counts. */
  amount: number;
  reason: string | null;
  ruleId: string | null;
  goodsId: string | null;
  quantity: number | null;
  targetEventId: string | null;
  /** What the award was for: a duty, a request or a meeting. */
  source: AwardSource | null;
  /** The redemption QR's one-time id. */
  ticket: string | null;
  /** A redemption past the balance at its time, by (at, id) (two offline counters both allowed it). */
  overdraft: boolean;
  /**
   * A rule's award for a shift, meeting or report an earlier award by (at, id), not taken back,
   * already pays (two committee phones tapping one suggestion offline): it counts for nothing.
   */
  alreadyAwarded: boolean;
  /**
   * A redemption whose one-time id an earlier scan by (at, id) holds (one code scanned at two
   * counters offline): it counts for nothing, and counts once that scan is taken back.
   */
  ticketUsed: boolean;
  /** A correction of a line an earlier correction by (at, id) takes back (two phones offline): it counts for nothing. */
  alreadyCorrected: boolean;
}

export type AwardSource =
  | { kind: 'duty'; id: string }
  | { kind: 'request'; id: string }
  | { kind: 'meeting'; id: string };

export interface PointsAccount {
  memberId: string;
  balance: number;
  /** In (at, id) order, wherever the log holds the events. */
  history: PointsEntry[];
  /**
   * The award paying for each source now (`<kind>:<id>` → its event id), worked out from the
   * history, so that a line stamped after every other (nearly all of them) settles without walking
   * it. Keys hold a colon, so no id a member chooses can name an object's prototype.
   */
  paying: Record<string, string>;
}

/** A count of goods on the shelf (盘点): what was there, and what the counting phone's stock said. */
export interface GoodsCount {
  eventId: string;
  at: number;
  by: string;
  counted: number;
  expected: number;
}

/**
 * Goods at the love supermarket (爱心超市). Stock is a running total (listed + restocked + what
 * counts found over or under − redeemed), so a redemption steps only its member's account; a
 * negative stock means redemptions were recorded that the log never restocked for.
 */
export interface GoodsState {
  id: string;
  name: string;
  pricePoints: number;
  listedAt: number;
  /** Listed plus restocked, plus what each count found over (or less what it found short). */
  supplied: number;
  /** The latest count by (at, id), whatever order the log holds them in; null if never counted. */
  lastCount: GoodsCount | null;
  /**
   * What every count together moved the stock by (found over, or short if negative): shown beside
   * the latest, so that no count, backdated or not, moves the stock unseen.
   */
  countedOff: number;
  /** Redeemed, net of corrections. */
  redeemed: number;
  stock: number;
}
export type GoodsDraft = Omit<GoodsState, 'redeemed' | 'stock'>;

/** The thanks wall setting as last set (latest by at, then id); null when never set, which is off. */
export interface ThanksWallSetting {
  on: boolean;
  eventId: string;
  at: number;
  by: string;
}

export interface PointsState {
  rules: Record<string, PointsRule>;
  accounts: Record<string, PointsAccount>;
  goods: Record<string, GoodsState>;
  thanksWall: ThanksWallSetting | null;
}

type PointsEvent = EventOf<(typeof pointsEvents)[number]['entries']['type']['literal']>;

/** What an award or redemption did, kept on its record for a later correction. */
interface Outcome {
  memberId: string;
  delta: number;
  goodsId: string | null;
  quantity: number;
}

/** Whose account the line of an award or redemption is in, from what the fold kept of it (`CompoundFold.outcomeOf`). */
export function lineOwner(outcome: unknown): string | undefined {
  return (outcome as Partial<Outcome> | undefined)?.memberId;
}

const ruleKey = (id: string) => `rule:${id}`;
const acctKey = (id: string) => `acct:${id}`;
const goodsKey = (id: string) => `goods:${id}`;

const mtgKey = (id: string) => `mtg:${id}`;
/** The one entity of the compound's thanks wall setting. */
export const thanksWallKey = 'wall:thanks';

/**
 * Folds `points.*` events. A redemption past the balance still takes effect (the goods left the
 * counter) and is flagged `overdraft`; the relay refuses one whose counter's copy held the balance
 * short. Each account is worked out in (at, id) order, never the log's.
 */
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
      case 'points.goods.counted':
        return [goodsKey(e.goodsId)];
      case 'points.redeemed':
        return [acctKey(e.memberId)];
      case 'points.corrected':
        return [`e:${e.targetEventId}`];
      case 'points.thanks-wall.set':
        return [thanksWallKey];
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
          ...(e.meetingId ? [mtgKey(e.meetingId)] : []),
        ]
      : e.type === 'points.redeemed'
        ? [goodsKey(e.goodsId)]
        : [],
  creates: (e) =>
    e.type === 'points.rule.defined' ? ruleKey(e.id) : e.type === 'points.goods.listed' ? goodsKey(e.id) : undefined,
  apply(ctx, e) {
    switch (e.type) {
      case 'points.rule.defined':
        ctx.put(ruleKey(e.id), {
          id: e.id,
          name: e.name,
          points: e.points,
          kind: e.kind ?? 'other',
          from: e.from ?? shanghaiDay(e.at),
          definedAt: e.at,
          definedBy: e.by,
        } satisfies PointsRule);
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
          lastCount: null,
          countedOff: 0,
        } satisfies GoodsDraft);
        return undefined;
      case 'points.goods.restocked': {
        const goods = ctx.get<GoodsDraft>(goodsKey(e.goodsId));
        if (!goods) return { code: 'no_such', thing: 'goods' };
        goods.supplied += e.quantity;
        return undefined;
      }
      case 'points.goods.counted': {
        const goods = ctx.get<GoodsDraft>(goodsKey(e.goodsId));
        if (!goods) return { code: 'no_such', thing: 'goods' };
        goods.supplied += e.counted - e.expected;
        goods.countedOff += e.counted - e.expected;
        if (isNewer(e.at, e.id, goods.lastCount))
          goods.lastCount = { eventId: e.id, at: e.at, by: e.by, counted: e.counted, expected: e.expected };
        return undefined;
      }
      case 'points.redeemed':
        return redeem(ctx, e);
      case 'points.corrected':
        return correct(ctx, e);
      case 'points.thanks-wall.set':
        setThanksWall(ctx, e);
        return undefined;
      default:
        return exhaustive(e);
    }
  },
};

function account(ctx: FoldContext, memberId: string): PointsAccount {
  const existing = ctx.get<PointsAccount>(acctKey(memberId));
  if (existing) return existing;
  const created: PointsAccount = { memberId, balance: 0, history: [], paying: {} };
  ctx.put(acctKey(memberId), created);
  return created;
}

function award(ctx: FoldContext, e: EventOf<'points.awarded'>): AnomalyReason | undefined {
  if (e.ruleId !== undefined && !ctx.existed(ruleKey(e.ruleId))) return { code: 'no_such', thing: 'rule' };
  if (e.dutyId !== undefined && !ctx.existed(`duty:${e.dutyId}`)) return { code: 'no_such', thing: 'duty' };
  if (e.requestId !== undefined && !ctx.existed(`req:${e.requestId}`)) return { code: 'no_such', thing: 'request' };
  if (e.meetingId !== undefined && !ctx.existed(mtgKey(e.meetingId))) return { code: 'no_such', thing: 'meeting' };
  // A rule's points never change after it is defined, so its final draft is its state at this point.
  const perUnit = e.ruleId !== undefined ? (ctx.peek<PointsRule>(ruleKey(e.ruleId))?.points ?? 0) : 0;
  const delta = e.ruleId !== undefined ? perUnit * (e.units ?? 1) : (e.amount ?? 0);
  const acct = account(ctx, e.memberId);
  const line = entry(e, 'award', delta);
  line.reason = e.reason;
  line.ruleId = e.ruleId ?? null;
  line.source = sourceOf(e);
  record(acct, line);
  ctx.rec.outcome = { memberId: e.memberId, delta, goodsId: null, quantity: 0 } satisfies Outcome;
  return undefined;
}

function redeem(ctx: FoldContext, e: EventOf<'points.redeemed'>): AnomalyReason | undefined {
  if (!ctx.existed(goodsKey(e.goodsId))) return { code: 'no_such', thing: 'goods' };
  // A price never changes after listing, so the final draft gives the price at this point.
  const cost = (ctx.peek<GoodsDraft>(goodsKey(e.goodsId))?.pricePoints ?? 0) * e.quantity;
  const line = entry(e, 'redeem', -cost);
  line.goodsId = e.goodsId;
  line.quantity = e.quantity;
  line.ticket = e.ticket ?? null;
  record(account(ctx, e.memberId), line);
  ctx.rec.outcome = { memberId: e.memberId, delta: -cost, goodsId: e.goodsId, quantity: e.quantity } satisfies Outcome;
  return undefined;
}

function correct(ctx: FoldContext, e: EventOf<'points.corrected'>): AnomalyReason | undefined {
  const target = ctx.target(e.targetEventId);
  const lost = ctx.ignored(e.targetEventId)?.event?.type;
  if (lost === 'points.awarded' || lost === 'points.redeemed') return { code: 'target_ignored' };
  if (!target || (target.event?.type !== 'points.awarded' && target.event?.type !== 'points.redeemed'))
    return { code: 'no_such', thing: 'target' };
  const done = target.outcome as Outcome;
  const line = entry(e, 'correction', -done.delta);
  line.reason = e.reason;
  line.targetEventId = e.targetEventId;
  record(account(ctx, done.memberId), line);
  return undefined;
}

/** Keeps the latest set by (at, id), whatever order the log holds them in, so every copy agrees. */
function setThanksWall(ctx: FoldContext, e: EventOf<'points.thanks-wall.set'>): void {
  const held = ctx.get<ThanksWallSetting>(thanksWallKey);
  if (!isNewer(e.at, e.id, held)) return;
  ctx.put(thanksWallKey, { on: e.on, eventId: e.id, at: e.at, by: e.by } satisfies ThanksWallSetting);
}

function entry(e: PointsEvent, kind: PointsEntry['kind'], delta: number): PointsEntry {
  return {
    eventId: e.id,
    at: e.at,
    by: e.by,
    kind,
    delta,
    amount: delta,
    reason: null,
    ruleId: null,
    goodsId: null,
    quantity: null,
    targetEventId: null,
    source: null,
    ticket: null,
    overdraft: false,
    alreadyAwarded: false,
    ticketUsed: false,
    alreadyCorrected: false,
  };
}

function sourceOf(e: EventOf<'points.awarded'>): AwardSource | null {
  if (e.dutyId !== undefined) return { kind: 'duty', id: e.dutyId };
  if (e.meetingId !== undefined) return { kind: 'meeting', id: e.meetingId };
  if (e.requestId !== undefined) return { kind: 'request', id: e.requestId };
  return null;
}

/** An account's redemptions, net of corrections, count against each goods' stock. */
export function accountContributions(acct: PointsAccount): Contribution[] {
  const corrected = new Set<string>();
  for (const h of acct.history) if (h.targetEventId !== null) corrected.add(h.targetEventId);
  const out: Contribution[] = [];
  for (const h of acct.history)
    if (h.kind === 'redeem' && h.goodsId !== null && h.quantity !== null && !corrected.has(h.eventId) && !h.ticketUsed)
      out.push(['redeemed', h.goodsId, h.quantity]);
  return out;
}
