import type * as Y from 'yjs';
import { type AppEvent, type EventOf, fastEvent } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { type DutyEvent, dutyStep, isLeadStep, leadStepRefusal } from '../folds/dutySignups.ts';
import { type DutyState, newDuty, type TeamState } from '../folds/rosters.ts';
import { eventsHeldBy } from './causalPast.ts';

/**
 * Whether a standby breaks a causal rule: its author's copy showed the member holding a place
 * (改为候补 is offered only beside an over-full sign-up). Placed in the log, it would hand that
 * place to the next over-full sign-up, which no lead chose. A standby written while a withdrawal
 * or a raise of the places made offline beside it seated the member is a concurrent conflict:
 * kept, and the lead may take it back.
 *
 * The author held at least the standby's causal past, maybe more, so the duty is folded as the
 * least seated copy they could have held: what seats the member (others' withdrawals and standbys,
 * raised places) only from that past; what pushes them out (others' sign-ups, time served, a
 * standby taken back) wherever the relay holds it. A step of the member's own that the past does
 * not hold leaves the question to the fold.
 */
export function standbyRefusal(
  events: Y.Array<unknown>,
  duty: DutyState | undefined,
  team: TeamState | undefined,
  event: EventOf<'roster.standby'>,
): AnomalyReason | undefined {
  if (!duty) return undefined;
  const found = eventsHeldBy(events, event.id, (raw) => {
    const e = fastEvent(raw);
    if (e?.type === 'roster.duty.created') return e.id === duty.id ? e : undefined;
    if (e?.type === 'roster.team.created') return e.id === duty.teamId ? e : undefined;
    if (e?.type === 'roster.team.edited') return e.teamId === duty.teamId ? e : undefined;
    return e?.type.startsWith('roster.') && 'dutyId' in e && e.dutyId === duty.id ? e : undefined;
  });
  let seen: DutyState | undefined;
  // Leads the author surely knew of: a step as lead seats the member only if its author was one.
  const leadsSeen: string[] = [];
  for (const { event: e, held } of found) {
    if (e.type === 'roster.duty.created') seen = newDuty(e);
    else if (e.type === 'roster.team.created' || e.type === 'roster.team.edited') {
      if (held && e.leaderId) leadsSeen.push(e.leaderId);
    } else if ('memberId' in e && e.memberId === event.memberId && !held) return undefined;
  }
  if (!seen) return undefined;
  for (const { event: e, held } of found) {
    if (!isDutyEvent(e) || !(held || pushesOut(e))) continue;
    const leads = isLeadStep(e) && !pushesOut(e) ? leadsSeen : (team?.leaders ?? []);
    if (isLeadStep(e) && leadStepRefusal(seen, e, leads)) continue;
    dutyStep(seen, e);
  }
  return Object.hasOwn(seen.signups, event.memberId) ? { code: 'has_place' } : undefined;
}

function isDutyEvent(e: AppEvent): e is DutyEvent {
  return e.type.startsWith('roster.') && 'dutyId' in e;
}

/** A step that can only move others ahead of a member for the places, never seat them. */
function pushesOut(e: DutyEvent): boolean {
  return (
    e.type === 'roster.signed-up' ||
    e.type === 'roster.checked-in' ||
    e.type === 'roster.attendance.corrected' ||
    e.type === 'roster.standby.undone'
  );
}
