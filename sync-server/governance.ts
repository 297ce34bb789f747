import { CausalGuard } from '../shared/rules/CausalGuard.ts';
import { type ValidationLimits, validateSteps } from '../shared/rules/validateUpdate.ts';
import type { Steps } from '../shared/steps.ts';
import type { Checked, UpdatePolicy } from './relay/types.ts';

/**
 * The governance rules the phones also check before writing: event logs only grow, by the permission
 * table; and the causal rules, held against a fold of each loaded document. Decided in steps, so the
 * room can spread a large update over several turns.
 */
export const governance = (limits: ValidationLimits): UpdatePolicy => ({
  attach: (doc, kind) => (kind === 'members' ? undefined : new CausalGuard(doc, kind)),
  *check(update, member, room): Steps<Checked> {
    const validation = yield* validateSteps(room.doc, update, member, room.kind, limits);
    const guard = room.rules as CausalGuard | undefined;
    const eventIds = validation.events.map((e) => e.id);
    const { changed, exact, values } = validation;
    if (!changed || !guard) return { changed, eventIds, exact, values };
    yield* guard.beforeSteps(validation, member);
    return { changed: true, afterApply: () => guard.afterSteps(validation, member), eventIds, exact, values };
  },
});
