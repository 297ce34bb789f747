import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { PointsAccount, PointsEntry } from '../folds/points.ts';
import { heldEvents } from './causalPast.ts';

/**
 * Whether a redemption that landed overdrawn, or with a used one-time id, breaks a causal rule:
 * its counter's copy held the balance it overdrew, or another redemption of the id (wherever its
 * time puts it: one stamped before the use it saw would take the id from that one). Then the relay
 * refuses it. If only events its counter could not have held (another offline counter's
 * redemption) make it so, it is a concurrent conflict: kept, and the account flags it.
 *
 * The counter held at least the redemption's causal past; it may have held more. So a debit counts
 * only if that past holds it, a credit always (wherever it landed: a counter choosing its place
 * could land after them all): the balance so worked out is the most the counter can have seen,
 * and the relay refuses only when even that was short.
 */
export function redemptionRefusal(
  events: Y.Array<unknown>,
  account: PointsAccount | undefined,
  event: EventOf<'points.redeemed'>,
): AnomalyReason | undefined {
  if (!account) return undefined;
  const uses = account.history.filter(
    (h) => event.ticket !== undefined && h.ticket === event.ticket && h.eventId !== event.id,
  );
  if (uses.length > 0 && knew(events, event.id, uses).size > 0) return { code: 'ticket_used' };
  // The account is folded by (at, id): a redemption stamped before one its counter had seen leaves
  // that one flagged, not itself, so any flag on the account puts the new redemption to the test.
  if (!account.history.some((h) => h.overdraft)) return undefined;
  const entry = account.history.find((h) => h.eventId === event.id);
  if (entry?.kind !== 'redeem') return undefined;
  const others = account.history.filter((h) => h !== entry);
  const held = knew(
    events,
    event.id,
    others.filter((h) => h.delta < 0),
  );
  let balance = 0;
  for (const h of others) if (h.delta > 0 || held.has(h.eventId)) balance += h.delta;
  const cost = -entry.delta;
  return balance < cost ? { code: 'overdraft', balance, cost } : undefined;
}

/** Which of `entries` the causal past of the event `eventId` holds. */
function knew(events: Y.Array<unknown>, eventId: string, entries: readonly PointsEntry[]): Set<string> {
  return heldEvents(
    events,
    eventId,
    entries.map((e) => e.eventId),
  );
}
