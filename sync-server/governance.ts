import { CausalGuard } from '../shared/rules/CausalGuard.ts';
import { type ValidationLimits, validateUpdate } from '../shared/rules/validateUpdate.ts';
import type { UpdatePolicy } from './relay/types.ts';

/**
 * The governance rules the phones also check before writing: event logs only grow, by the permission
 * table; and the causal rules, held against a fold of each loaded document.
 */
export const governance = (limits: ValidationLimits): UpdatePolicy => ({
  attach: (doc, kind) => (kind === 'members' ? undefined : new CausalGuard(doc, kind)),
  check(update, member, room) {
    const validation = validateUpdate(room.doc, update, member, room.kind, limits);
    const guard = room.rules as CausalGuard | undefined;
    const eventIds = validation.events.map((e) => e.id);
    const { changed, exact, values } = validation;
    if (!changed || !guard) return { changed, eventIds, exact, values };
    guard.before(validation, member);
    return { changed: true, afterApply: () => guard.after(validation, member), eventIds, exact, values };
  },
});
