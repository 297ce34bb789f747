import type { AnomalyReason, Thing } from '../folds/AnomalyReason.ts';

/**
 * Things an event names that its author's copy must have held: whoever names one saw it created.
 * A claim and an escalation are left out: two units claiming one listing offline, or a request
 * reopened while an answer was written, make a later event name one that lost.
 */
const heldThings: ReadonlySet<Thing> = new Set<Thing>([
  'request',
  'meeting',
  'fund',
  'expense',
  'rule',
  'duty',
  'goods',
  'team',
  'household',
  'listing',
  'member',
  'target',
]);

/**
 * True if a fold's reason for ignoring an event is a *causal* rule: one an honest author cannot
 * break, because their own copy held what the rule reads (the id is new, the raiser is who they
 * are, the approvals came first, the minutes were not yet locked). The relay refuses such an event.
 * Every other reason is a *concurrent* conflict two honest offline phones can both cause (two
 * decisions, the last slot taken twice): the relay keeps it and the fold shows it. An amendment to
 * minutes that are not locked is one: its author's copy was locked by their own sign-off while a
 * sign-in for another party reached the relay first; it counts once that party signs too. A redemption's
 * overdraft and reused one-time id are either, by what its counter held (`redemptionRefusal.ts`).
 */
export function isCausal(reason: AnomalyReason): boolean {
  switch (reason.code) {
    case 'duplicate_id':
    case 'not_raiser':
    case 'not_approved':
    case 'not_assembly':
    case 'not_claimer':
    case 'party_absent':
    case 'meeting_kind':
    case 'minutes_locked':
    case 'not_owner':
    // A step as lead from a member no naming before it names: an honest lead's phone held its naming.
    case 'not_lead':
      return true;
    case 'no_such':
      return heldThings.has(reason.thing);
    default:
      return false;
  }
}
