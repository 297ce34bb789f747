import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { DutyState, TeamState } from '../folds/rosters.ts';
import { eventsHeldBy } from './causalPast.ts';

type RosterRaw = { type?: unknown; id?: unknown; dutyId?: unknown; teamId?: unknown; memberId?: unknown };

/**
 * Whether a sign-up breaks a causal rule: its author's copy held the duty full. Places go to the
 * earliest sign-ups by (at, id), and a sign-up's time is its author's to write: one stamped before
 * a sign-up its author had seen would take the place of a volunteer who signed up first and served. Two offline phones taking
 * the last place at once are a concurrent conflict: kept, the later by (at, id) over-full.
 *
 * The author held at least the sign-up's causal past, maybe more; so a sign-up fills a place here
 * only if that past holds it, and a withdrawal frees one wherever the relay holds it.
 */
export function signupRefusal(
  events: Y.Array<unknown>,
  duty: DutyState | undefined,
  event: EventOf<'roster.signed-up'>,
): AnomalyReason | undefined {
  if (!duty || duty.freeSlots > 0) return undefined;
  const steps = eventsHeldBy(events, event.id, (raw) => {
    const r = raw as RosterRaw | null;
    return r?.dutyId === event.dutyId &&
      typeof r.memberId === 'string' &&
      (r.type === 'roster.signed-up' || r.type === 'roster.withdrew')
      ? { type: r.type, memberId: r.memberId }
      : undefined;
  });
  // Every sign-up its author held and nobody withdrew holds a place or waits, over-full, for one.
  const taken = new Set<string>();
  for (const { event: step, held } of steps) {
    if (step.type === 'roster.withdrew') taken.delete(step.memberId);
    else if (held) taken.add(step.memberId);
  }
  return taken.size >= duty.slots && !taken.has(event.memberId) ? { code: 'no_free_slot' } : undefined;
}

/**
 * Whether a correction made as the team's lead breaks a causal rule: its author's copy held a change
 * of lead to someone else, and no later one back. Placed before that change, the fold would take it.
 * A change of lead the author had not seen (made offline at the same time) is a concurrent conflict.
 * A change away from the author counts only if the correction's causal past holds it; a change back
 * to the author wherever the relay holds it.
 */
export function leadRefusal(
  events: Y.Array<unknown>,
  team: TeamState | undefined,
  event: EventOf<'roster.attendance.corrected'>,
): AnomalyReason | undefined {
  if (event.as !== 'lead' || !team) return undefined;
  const edits = eventsHeldBy(events, event.id, (raw) => {
    const r = raw as (RosterRaw & { leaderId?: unknown; at?: unknown }) | null;
    return r?.type === 'roster.team.edited' &&
      r.teamId === event.teamId &&
      typeof r.leaderId === 'string' &&
      typeof r.at === 'number' &&
      typeof r.id === 'string'
      ? { leaderId: r.leaderId, at: r.at, id: r.id }
      : undefined;
  });
  let lead: { leaderId: string | null; at: number; id: string } = {
    leaderId: null,
    at: Number.NEGATIVE_INFINITY,
    id: '',
  };
  let changed = false;
  for (const { event: edit, held } of edits) {
    if (!held && edit.leaderId !== event.by) continue;
    if (edit.at > lead.at || (edit.at === lead.at && edit.id > lead.id)) lead = edit;
    changed = true;
  }
  return changed && lead.leaderId !== event.by ? { code: 'not_lead' } : undefined;
}
