import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { eventsHeldBy } from './causalPast.ts';

/**
 * Whether a reversal breaks a causal rule: its author's copy held another reversal of the same income
 * or payment (`already_reversed`). Then the relay refuses it. Two made offline at once are both
 * kept, and the earliest by (at, id) stands (`ledger.ts`); without this rule a member could also
 * replace a standing reversal, and its reason and month, by writing one dated before it.
 */
export function reversalRefusal(
  events: Y.Array<unknown>,
  event: EventOf<'ledger.reversed'>,
): AnomalyReason | undefined {
  const others = eventsHeldBy(events, event.id, (raw) => {
    const r = raw as { type?: unknown; targetEventId?: unknown } | null;
    return r?.type === 'ledger.reversed' && r.targetEventId === event.targetEventId ? true : undefined;
  });
  return others.some((o) => o.held) ? { code: 'already_reversed' } : undefined;
}
