import type * as Y from 'yjs';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { LeadStep } from '../folds/dutySignups.ts';
import type { DutyState, TeamState } from '../folds/rosters.ts';
import { eventsHeldBy, eventsPlacedBefore } from './causalPast.ts';

type RosterRaw = { type?: unknown; id?: unknown; dutyId?: unknown; teamId?: unknown; memberId?: unknown };

/**
 * Whether a sign-up breaks a causal rule: its author's copy held the duty full, or cancelled. Places go to the
 * earliest sign-ups by (at, id), and a sign-up's time is its author's to write: one stamped before
 * a sign-up its author had seen would take the place of a volunteer who signed up first and served.
 * Two offline phones taking the last place at once are a concurrent conflict: kept, the later by
 * (at, id) over-full.
 *
 * Who holds a place is worked out as the fold does (`signupOf` in dutySignups.ts): a member holds one
 * with a sign-up later by (at, id) than their last withdrawal, or once they served (checked in, or
 * a correction), withdrawn or not. The author held at least the sign-up's causal past, maybe more;
 * so what fills a place (a sign-up, having served) counts only if that past holds it, and a
 * withdrawal frees one wherever the relay holds it. A step the fold ignores (`ignored`: a standby
 * from one who never led the team, a withdrawal logged before any sign-up) counts for nothing here
 * either, so the places left agree with the ones the fold shows.
 */
export function signupRefusal(
  events: Y.Array<unknown>,
  duty: DutyState | undefined,
  event: EventOf<'roster.signed-up'>,
  ignored: (eventId: string) => boolean,
): AnomalyReason | undefined {
  if (!duty || (duty.freeSlots > 0 && duty.status !== 'cancelled')) return undefined;
  const steps = eventsHeldBy(events, event.id, (raw) => {
    const r = raw as (RosterRaw & { at?: unknown }) | null;
    if (r?.dutyId !== event.dutyId || typeof r.at !== 'number' || typeof r.id !== 'string') return undefined;
    if (ignored(r.id)) return undefined;
    if (r.type === 'roster.duty.cancelled') return { type: r.type, memberId: '', at: r.at, id: r.id };
    return typeof r.memberId === 'string' && memberSteps.has(r.type as string)
      ? { type: r.type as string, memberId: r.memberId, at: r.at, id: r.id }
      : undefined;
  });
  // Signing up for a duty its author saw cancelled; one cancelled meanwhile on another phone is kept.
  if (steps.some((s) => s.held && s.event.type === 'roster.duty.cancelled')) return { code: 'duty_cancelled' };
  if (duty.freeSlots > 0) return undefined;
  type Step = { at: number; id: string };
  const later = (a: Step, b: Step) => a.at > b.at || (a.at === b.at && a.id > b.id);
  type Member = {
    signedUp: Step[];
    lastWithdrawal: Step | undefined;
    lastStandby: Step | undefined;
    lastUndone: Step | undefined;
    served: boolean;
  };
  const members = new Map<string, Member>();
  const latest = (a: Step | undefined, b: Step) => (!a || later(b, a) ? b : a);
  for (const { event: step, held } of steps) {
    if (step.type === 'roster.duty.cancelled') continue;
    const m = members.get(step.memberId) ?? {
      signedUp: [],
      lastWithdrawal: undefined,
      lastStandby: undefined,
      lastUndone: undefined,
      served: false,
    };
    members.set(step.memberId, m);
    // A withdrawal or a standby frees a place wherever the relay holds it.
    if (step.type === 'roster.withdrew') m.lastWithdrawal = latest(m.lastWithdrawal, step);
    else if (step.type === 'roster.standby') m.lastStandby = latest(m.lastStandby, step);
    else if (!held) continue;
    // Taking a standby back fills a place again, as a sign-up does: only if the author held it.
    else if (step.type === 'roster.standby.undone') m.lastUndone = latest(m.lastUndone, step);
    else if (step.type === 'roster.signed-up') m.signedUp.push(step);
    else m.served = true;
  }
  let taken = 0;
  for (const [memberId, m] of members) {
    if (memberId === event.memberId || m.signedUp.length === 0) continue;
    // The sign-up holding the place, as the fold's `signupOf` picks it: the earliest since the last
    // withdrawal, else (time served is a fact) the latest. A standby after it, not taken back, holds none.
    const left = m.lastWithdrawal;
    const since = left ? m.signedUp.filter((s) => later(s, left)) : m.signedUp;
    const pick = (all: Step[], first: boolean) =>
      all.reduce<Step | undefined>((best, s) => (!best || later(s, best) !== first ? s : best), undefined);
    const holding = since.length > 0 ? pick(since, true) : m.served ? pick(m.signedUp, false) : undefined;
    if (!holding) continue;
    const standby = m.lastStandby;
    const onStandby = standby && later(standby, holding) && !(m.lastUndone && later(m.lastUndone, standby));
    if (!onStandby) taken++;
  }
  // Even the author's own re-sign-up: stamped early, it would move them ahead of one seated.
  return taken >= duty.slots ? { code: 'no_free_slot' } : undefined;
}

/** A member's steps on a duty that decide whether they hold a place. */
const memberSteps = new Set([
  'roster.signed-up',
  'roster.withdrew',
  'roster.checked-in',
  'roster.attendance.corrected',
  'roster.standby',
  'roster.standby.undone',
]);

/**
 * Whether a step made as the team's lead (a correction, a standby or its undoing, a raise) breaks a
 * causal rule (`not_lead`):
 * - Its author was named lead (the team's creation or an edit naming them) nowhere before the place
 *   they wrote it at: an honest phone shows the lead's buttons only to the lead its copy names, and
 *   appends after that naming. The fold ignores a step as lead from one no naming before it names;
 *   kept, one place count would hold it and another not (a sign-up refused for a place the fold shows
 *   free), and whether it counts would follow where Yjs put a naming made at the same time.
 * - Its author's copy held a change of lead to someone else, and no later one back. Placed before
 *   that change, the fold would take it. A change of lead the author had not seen (made offline at
 *   the same time) is a concurrent conflict. A change away from the author counts only if the step's
 *   causal past holds it; a change back to the author wherever the relay holds it.
 */
export function leadRefusal(
  events: Y.Array<unknown>,
  team: TeamState | undefined,
  event: LeadStep,
): AnomalyReason | undefined {
  if (event.as !== 'lead' || !team) return undefined;
  const namings = eventsPlacedBefore(events, event.id, (raw) => {
    const r = raw as (RosterRaw & { leaderId?: unknown; at?: unknown }) | null;
    if (typeof r?.leaderId !== 'string' || typeof r.at !== 'number' || typeof r.id !== 'string') return undefined;
    // The team's creation names its first lead; any edit naming one replaces it, whatever its time.
    if (r.type === 'roster.team.created' && r.id === event.teamId)
      return { leaderId: r.leaderId, at: Number.NEGATIVE_INFINITY, id: '' };
    return r.type === 'roster.team.edited' && r.teamId === event.teamId
      ? { leaderId: r.leaderId, at: r.at, id: r.id }
      : undefined;
  });
  if (!namings.some(({ event: n, before }) => before && n.leaderId === event.by)) return { code: 'not_lead' };
  let lead: { leaderId: string | null; at: number; id: string } | undefined;
  for (const { event: naming, held } of namings) {
    if (!held && naming.leaderId !== event.by) continue;
    if (!lead || naming.at > lead.at || (naming.at === lead.at && naming.id > lead.id)) lead = naming;
  }
  return lead && lead.leaderId !== event.by ? { code: 'not_lead' } : undefined;
}
