import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { ListingState } from '../folds/practice.ts';
import { eventsHeldBy, heldEvents } from './causalPast.ts';

/** The needs-board events `needsRefusal` judges. */
export type NeedsStep = EventOf<'practice.claimed' | 'practice.accepted'>;

/**
 * Whether a claim or an acceptance the fold kept breaks a causal rule: its author's copy held another
 * claim of the listing (`already_claimed`), or an acceptance of any claim of it (`already_accepted`).
 * Then the relay refuses it. Two made offline at once are both kept (`practice.ts`); without this
 * rule a unit that saw a need taken could take it by writing a claim dated before the holder's.
 */
export function needsRefusal(
  events: Y.Array<unknown>,
  listing: ListingState | undefined,
  event: NeedsStep,
): AnomalyReason | undefined {
  if (!listing) return undefined;
  if (event.type === 'practice.claimed') {
    const others = listing.claims.flatMap((c) => (c.claimId !== event.id ? [c.claimId] : []));
    if (others.length === 0) return undefined;
    return heldEvents(events, event.id, others).size > 0 ? { code: 'already_claimed' } : undefined;
  }
  // Any acceptance of the listing: a need is done once; accepting a rival claim after seeing one
  // accepted would take the done need from the unit that did it.
  const acceptances = eventsHeldBy(events, event.id, (raw) => {
    const r = raw as { type?: unknown; listingId?: unknown } | null;
    return r?.type === 'practice.accepted' && r.listingId === event.listingId ? true : undefined;
  });
  return acceptances.some((a) => a.held) ? { code: 'already_accepted' } : undefined;
}
