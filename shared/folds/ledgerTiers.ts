import type { AssemblyTally } from '../events/meeting.ts';
import { shanghaiDay } from '../time.ts';

/** One amount limit an admin set: from `from` on, an expense above `limitFen` needs an owners' assembly decision. */
export interface TierState {
  eventId: string;
  at: number;
  by: string;
  limitFen: number;
  /** Asia/Shanghai day "YYYY-MM-DD" it takes effect. */
  from: string;
}

/** The entity holding every limit set, kept in (from, at, id) order, never the log's. */
export interface TiersDraft {
  list: TierState[];
}

/** The one entity of the compound's limits. */
export const tiersKey = 'tiers:ledger';

/** An expense's link to an owners' assembly decision, with the decision's count as copied from the minutes. */
export interface AssemblyLink {
  eventId: string;
  at: number;
  by: string;
  meetingId: string;
  decisionId: string;
  tally: AssemblyTally;
  /** The copied count meets 双过半 (see assemblyOutcome). */
  passed: boolean;
}

const order = (a: TierState, b: TierState) =>
  a.from < b.from
    ? -1
    : a.from > b.from
      ? 1
      : a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

/** Adds a limit in its place: by day it takes effect, then by when it was set, then by id. */
export function insertTier(list: TierState[], tier: TierState): void {
  let i = list.length;
  while (i > 0 && order(list[i - 1] as TierState, tier) > 0) i--;
  list.splice(i, 0, tier);
}

/**
 * The limit in force on `day`: the one taking effect latest on or before it (two from the same day:
 * the later set, then the larger id). Null when none was set yet; `held` keeps only some limits.
 */
export function limitOn(
  list: readonly TierState[],
  day: string,
  held: (tier: TierState) => boolean = () => true,
): TierState | null {
  for (let i = list.length - 1; i >= 0; i--) {
    const tier = list[i] as TierState;
    if (tier.from <= day && held(tier)) return tier;
  }
  return null;
}

/** What `unmetLimit` reads of an expense. */
export interface LimitedExpense {
  at: number;
  amount: number;
  assembly: readonly AssemblyLink[];
}

/**
 * The limit an expense's amount is above: the one in force on the day it was proposed, among the
 * limits `heldTier` keeps, when no owners' assembly decision that passed (among the links `heldLink`
 * keeps) is linked. Null when the expense may be paid as it stands.
 */
export function unmetLimit(
  tiers: readonly TierState[],
  x: LimitedExpense,
  heldTier: (tier: TierState) => boolean = () => true,
  heldLink: (link: AssemblyLink) => boolean = () => true,
): TierState | null {
  const tier = limitOn(tiers, shanghaiDay(x.at), heldTier);
  if (!tier || x.amount <= tier.limitFen) return null;
  return x.assembly.some((l) => l.passed && heldLink(l)) ? null : tier;
}
