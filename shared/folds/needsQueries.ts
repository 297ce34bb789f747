import type { CompoundState } from './CompoundState.ts';
import type { ListingState } from './practice.ts';

/** The needs board (揭榜领办 / 微心愿) in three sections: waiting for a unit, being done, done. */
export interface NeedsBoard {
  open: ListingState[];
  /** Claimed, or reported and waiting for the committee to accept. */
  claimed: ListingState[];
  done: ListingState[];
}

/** A claim of a listing another unit's claim holds (two units claimed offline): the committee sorts it out. */
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

/** Claims kept beside the one holding their listing, oldest first: shown to the committee. */
export function rivalClaims(state: CompoundState): RivalClaim[] {
  return Object.values(state.practice.listings)
    .flatMap((l) =>
      l.claims
        .filter((c) => c.claimId !== l.claim?.claimId)
        .map((c) => ({ eventId: c.claimId, listingId: l.id, unitName: c.unitName, by: c.by, at: c.at })),
    )
    .sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1));
}
