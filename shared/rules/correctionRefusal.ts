import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { eventsHeldBy } from './causalPast.ts';

/**
 * Whether a points correction breaks a causal rule: its author's copy held another correction of the
 * same line (`already_corrected`). Then the relay refuses it. Two made offline at once are both kept,
 * and the earliest by (at, id) takes the line back (`points.ts`); without this rule a member could
 * also replace a standing correction, and its reason, by writing one dated before it.
 *
 * Nor does a committee member correct a line of their own account (`own_line`): taking back their
 * own redemption or deduction would give them points, as 记分 for oneself would (`award_to_self`).
 * Another committee member corrects it. The author's copy held the line it corrects, so its owner:
 * `owner`, whose account the line is in (from the relay's fold record of the line).
 */
export function correctionRefusal(
  events: Y.Array<unknown>,
  event: EventOf<'points.corrected'>,
  owner: string | undefined,
  author: string,
): AnomalyReason | undefined {
  if (owner === author) return { code: 'own_line' };
  const others = eventsHeldBy(events, event.id, (raw) => {
    const r = raw as { type?: unknown; targetEventId?: unknown } | null;
    return r?.type === 'points.corrected' && r.targetEventId === event.targetEventId ? true : undefined;
  });
  return others.some((o) => o.held) ? { code: 'already_corrected' } : undefined;
}
