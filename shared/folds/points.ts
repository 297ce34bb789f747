import type { EventOf } from '../events/index.ts';
import type { pointsEvents, RuleKind } from '../events/points.ts';
import { exhaustive } from '../rooms.ts';
import { shanghaiDay } from '../time.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Contribution, FoldContext, FoldModule } from './FoldContext.ts';
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

const earlier = (a: PointsEntry, b: PointsEntry) => a.at < b.at || (a.at === b.at && a.eventId < b.eventId);

/**
 * Puts a line in its (at, id) place in the history, then settles what each line counts for from
 * the whole history, so the account is the same whichever order Yjs merged its events in.
 */
function record(acct: PointsAccount, line: PointsEntry): void {
  const history = acct.history;
  let i = history.length;
  while (i > 0 && earlier(line, history[i - 1] as PointsEntry)) i--;
  // Stamped before lines already held (an offline phone, a clock behind), or a one-time id scanned
  // twice (which scan holds it may change): lines before it may change.
  if (i < history.length || sharesTicket(history, line)) {
    history.splice(i, 0, line);
    settle(acct);
    return;
  }
  // The latest line: what it counts for follows from the account as it stands, as `settle` would say.
  history.push(line);
  const taken = line.targetEventId;
  let counted: number;
  let alreadyCorrected = false;
  if (taken !== null) {
    const target = findLine(history, taken);
    // The earlier correction of the line stands; this one changes nothing.
    alreadyCorrected = history.some((h) => h !== line && h.targetEventId === taken);
    counted = target && target.delta !== 0 && !alreadyCorrected ? line.amount : 0;
    const key = target && sourceKey(target);
    if (key && !alreadyCorrected && acct.paying[key] === taken) delete acct.paying[key];
  } else {
    const key = sourceKey(line);
    const repeat = key !== undefined && acct.paying[key] !== undefined;
    // No correction of it can be held yet: a correction comes after what it corrects in the log.
    if (key !== undefined && !repeat) acct.paying[key] = line.eventId;
    counted = repeat ? 0 : line.amount;
  }
  // The line is new, not yet in a published account: it is settled in place.
  line.delta = counted;
  line.overdraft = line.kind === 'redeem' && counted !== 0 && acct.balance < -counted;
  line.alreadyAwarded = line.kind === 'award' && counted !== line.amount;
  line.alreadyCorrected = alreadyCorrected;
  acct.balance += counted;
}

/**
 * True if another redemption holds the line's one-time id, or the line corrects a redemption whose
 * one-time id another redemption holds too.
 */
function sharesTicket(history: readonly PointsEntry[], line: PointsEntry): boolean {
  const ticket = line.targetEventId === null ? line.ticket : (findLine(history, line.targetEventId)?.ticket ?? null);
  if (ticket === null) return false;
  let scans = line.targetEventId === null ? 1 : 0;
  for (const h of history) if (h.ticket === ticket && h.targetEventId === null && ++scans > 1) return true;
  return false;
}

/** The line of an event, looked for from the newest (a correction mostly takes back a recent one). */
function findLine(history: readonly PointsEntry[], eventId: string): PointsEntry | undefined {
  for (let i = history.length - 1; i >= 0; i--) if ((history[i] as PointsEntry).eventId === eventId) return history[i];
  return undefined;
}

/**
 * What each line counts for, walking the history in (at, id) order. Of a rule's awards for one
 * source, one pays at a time: a later one while it stands counts for nothing (`alreadyAwarded`);
 * once a correction takes it back, the next award may pay. Of the redemptions of one one-time id,
 * one counts: the earliest never taken back, else the earliest; a later one counts for nothing
 * (`ticketUsed`), an earlier one taken back neither (the ticket passed on, so its correction has
 * nothing to take back). Of the corrections of one line the earliest takes back what the line
 * counted for; the others count for nothing (`alreadyCorrected`). A redemption past the balance at
 * its time is flagged `overdraft`. Lines are replaced, never changed: a published account shares them.
 */
function settle(acct: PointsAccount): void {
  const history = acct.history;
  const byId = new Map<string, PointsEntry>();
  /** The correction that stands for each line it takes back: the earliest. */
  const standing = new Map<string, string>();
  const scans = new Map<string, PointsEntry[]>();
  for (const h of history) {
    byId.set(h.eventId, h);
    if (h.targetEventId !== null) {
      if (!standing.has(h.targetEventId)) standing.set(h.targetEventId, h.eventId);
    } else if (h.ticket !== null) {
      const list = scans.get(h.ticket);
      if (list) list.push(h);
      else scans.set(h.ticket, [h]);
    }
  }
  const holder = new Map<string, PointsEntry>();
  for (const [ticket, list] of scans)
    holder.set(ticket, list.find((s) => !standing.has(s.eventId)) ?? (list[0] as PointsEntry));
  const paying = new Map<string, string>();
  const takenBack = new Set<string>();
  const counts = new Map<string, number>();
  for (const h of history) {
    if (h.targetEventId !== null) {
      if (standing.get(h.targetEventId) !== h.eventId) continue;
      takenBack.add(h.targetEventId);
      const target = byId.get(h.targetEventId);
      const key = target && sourceKey(target);
      if (key && paying.get(key) === target.eventId) paying.delete(key);
      continue;
    }
    if (h.ticket !== null) {
      counts.set(h.eventId, holder.get(h.ticket) === h ? h.amount : 0);
      continue;
    }
    const key = sourceKey(h);
    const repeat = key !== undefined && paying.has(key);
    // A line taken back before its own time (a phone's clock behind) never stands.
    if (key !== undefined && !repeat && !takenBack.has(h.eventId)) paying.set(key, h.eventId);
    counts.set(h.eventId, repeat ? 0 : h.amount);
  }
  let balance = 0;
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as PointsEntry;
    const alreadyCorrected = h.targetEventId !== null && standing.get(h.targetEventId) !== h.eventId;
    const counted =
      h.targetEventId === null
        ? (counts.get(h.eventId) ?? 0)
        : counts.get(h.targetEventId) && !alreadyCorrected
          ? h.amount
          : 0;
    const overdraft = h.kind === 'redeem' && counted !== 0 && balance < -counted;
    const alreadyAwarded = h.kind === 'award' && counted !== h.amount;
    const first = h.ticket !== null ? holder.get(h.ticket) : undefined;
    const ticketUsed = first !== undefined && first !== h && earlier(first, h);
    balance += counted;
    if (
      h.delta !== counted ||
      h.overdraft !== overdraft ||
      h.alreadyAwarded !== alreadyAwarded ||
      h.ticketUsed !== ticketUsed ||
      h.alreadyCorrected !== alreadyCorrected
    )
      history[i] = { ...h, delta: counted, overdraft, alreadyAwarded, ticketUsed, alreadyCorrected };
  }
  acct.balance = balance;
  acct.paying = Object.fromEntries(paying);
}

/** `<kind>:<id>` of what a rule's award pays for; undefined for any other line. */
function sourceKey(h: PointsEntry): string | undefined {
  return h.kind === 'award' && h.ruleId !== null && h.source ? `${h.source.kind}:${h.source.id}` : undefined;
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
