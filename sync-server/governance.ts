import { RejectReason, RuleError } from '../shared/errors.ts';
import { CausalGuard } from '../shared/rules/CausalGuard.ts';
import { type ValidationLimits, validateSteps } from '../shared/rules/validateUpdate.ts';
import type { Steps } from '../shared/steps.ts';
import type { Checked, UpdatePolicy } from './relay/types.ts';

/**
 * How far ahead of the relay's clock an event may be stamped. A phone set to the wrong time zone
 * with its local time set right is up to 14 hours off; a far-future stamp would win every
 * "latest by time" setting for good.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 3_600_000;

/**
 * The governance rules the phones also check before writing: event logs only grow, by the permission
 * table; and the causal rules, held against a fold of each loaded document. Decided in steps, so the
 * room can spread a large update over several turns.
 */
export const governance = (limits: ValidationLimits, now: () => number = Date.now): UpdatePolicy => ({
  attach: (doc, kind) => (kind === 'members' ? undefined : new CausalGuard(doc, kind)),
  *check(update, member, room): Steps<Checked> {
    const validation = yield* validateSteps(room.doc, update, member, room.kind, limits);
    const latest = now() + MAX_CLOCK_AHEAD_MS;
    for (const e of validation.events) {
      if (e.at > latest) {
        throw new RuleError(
          RejectReason.ClockAhead,
          `${e.type} ${e.id} is stamped ${e.at - latest + MAX_CLOCK_AHEAD_MS} ms ahead`,
        );
      }
    }
    const guard = room.rules as CausalGuard | undefined;
    const eventIds = validation.events.map((e) => e.id);
    const { changed, exact, values } = validation;
    if (!changed || !guard) return { changed, eventIds, exact, values };
    yield* guard.beforeSteps(validation, member);
    return { changed: true, afterApply: () => guard.afterSteps(validation, member), eventIds, exact, values };
  },
});
