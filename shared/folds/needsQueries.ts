import type { AppEvent } from '../events/index.ts';
import type { CompoundState } from './CompoundState.ts';
import type { ListingState } from './practice.ts';

/** The needs board (揭榜领办 / 微心愿) in three sections: waiting for a unit, being done, done. */
export interface NeedsBoard {
  open: ListingState[];
  /** Claimed, or reported and waiting for the committee to accept. */
  claimed: ListingState[];
  done: ListingState[];
}

/** A second claim that arrived after a listing was taken (two units offline): the committee sorts it out. */
export interface RivalClaim {
  eventId: string;
  listingId: string;
  unitName: string;
  by: string;
  at: number;
}

const byDue = (a: ListingState, b: ListingState) =>
  (a.wish?.due ?? Number.MAX_SAFE_INTEGER) - (b.wish?.due ?? Number.MAX_SAFE_INTEGER) || a.publishedAt - b.publishedAt;

/** Listings with words of their own (a micro-wish or a need), soonest due first; done ones newest first. */
export function needsBoard(state: CompoundState): NeedsBoard {
  const all = Object.values(state.practice.listings).filter((l) => l.wish !== null);
  const done = all.filter((l) => l.status === 'done');
  done.sort((a, b) => (b.claim?.accepted?.at ?? 0) - (a.claim?.accepted?.at ?? 0));
  return {
    open: all.filter((l) => l.status === 'open').sort(byDue),
    claimed: all.filter((l) => l.status === 'claimed' || l.status === 'reported').sort(byDue),
    done,
  };
}

/** The listings a member claimed (their unit's work), in any state. */
export function myClaims(state: CompoundState, memberId: string): ListingState[] {
  return Object.values(state.practice.listings)
    .filter((l) => l.claim?.by === memberId)
    .sort((a, b) => (b.claim?.at ?? 0) - (a.claim?.at ?? 0));
}

/** Listings reported done and waiting for the committee to accept. */
export function awaitingAcceptance(state: CompoundState): ListingState[] {
  return Object.values(state.practice.listings).filter((l) => l.status === 'reported');
}

/** Claims the fold kept but ignored because another unit had the listing: shown to the committee. */
export function rivalClaims(state: CompoundState, events: readonly AppEvent[]): RivalClaim[] {
  const lost = new Set(state.anomalies.filter((a) => a.reason.code === 'already_claimed').map((a) => a.eventId));
  return events.flatMap((e) =>
    e.type === 'practice.claimed' && lost.has(e.id)
      ? [{ eventId: e.id, listingId: e.listingId, unitName: e.unitName, by: e.by, at: e.at }]
      : [],
  );
}
