import type * as Y from 'yjs';
import { type AppEvent, type EventOf, fastEvent } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { type DutyEvent, dutyStep, isLeadStep, leadStepRefusal } from '../folds/dutySignups.ts';
import { type DutyState, newDuty } from '../folds/rosters.ts';
import { eventsHeldBy } from './causalPast.ts';

/** What the relay knows of a standby's update beside the log. */
export interface StandbyContext {
  /** Whether the fold ignores the event with this id. */
  ignored: (eventId: string) => boolean;
  /** The ids of the events the standby's update brought. */
  sameUpdate: ReadonlySet<string>;
}

/**
 * Whether a standby breaks a causal rule: its author's copy showed the member holding a place
 * (改为候补 is offered only beside an over-full sign-up). Placed in the log, it would hand that
 * place to the next over-full sign-up, which no lead chose. A standby written while a withdrawal
 * or a raise of the places made offline beside it seated the member is a concurrent conflict:
 * kept, and the lead may take it back.
 *
 * The author held at least the standby's causal past, maybe more, so the duty is folded as the
 * least seated copy they could have held:
 * - what seats the member (others' withdrawals and standbys, raised places, the member's standby
 *   taken back or time corrected) counts only from that past;
 * - what pushes them out (others' standbys taken back, others' corrected time, a standby on the
 *   member by someone else) counts wherever the relay holds it;
 * - another member with a sign-up, withdrawal or check-in the past lacks holds a place at their
 *   earliest sign-up, not on standby: a sign-up does not only push (after a withdrawal it ends a
 *   standby; a second one moves a member who served and withdrew later), and no copy ranks them
 *   earlier;
 * - a sign-up, withdrawal or check-in of the member's own the past lacks leaves the question to
 *   the fold.
 * Nothing the fold ignores counts, nor what came in the standby's own update and its past lacks
 * (written after it, or beside it under another client of its author): no copy of its author's
 * held that when they tapped.
 */
export function standbyRefusal(
  events: Y.Array<unknown>,
  duty: DutyState | undefined,
  event: EventOf<'roster.standby'>,
  context: StandbyContext,
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
  const steps: { e: DutyEvent; held: boolean }[] = [];
  // Other members whose own steps the past may lack, with their earliest sign-up.
  const unsure = new Map<string, DutyEvent | undefined>();
  for (const { event: e, held } of found) {
    if (e.type === 'roster.duty.created') seen = newDuty(e);
    else if (e.type === 'roster.team.created' || e.type === 'roster.team.edited') {
      if (held && e.leaderId) leadsSeen.push(e.leaderId);
    } else if (isDutyEvent(e) && !context.ignored(e.id) && (held || !context.sameUpdate.has(e.id))) {
      steps.push({ e, held });
      if (held || isLeadStep(e) || !('memberId' in e)) continue;
      if (e.memberId === event.memberId) return undefined;
      unsure.set(e.memberId, undefined);
    }
  }
  if (!seen) return undefined;
  for (const { e } of steps) {
    if (e.type !== 'roster.signed-up' || !unsure.has(e.memberId)) continue;
    const first = unsure.get(e.memberId);
    if (!first || e.at < first.at || (e.at === first.at && e.id < first.id)) unsure.set(e.memberId, e);
  }
  for (const first of unsure.values()) if (first) dutyStep(seen, first);
  for (const { e, held } of steps) {
    if ('memberId' in e && unsure.has(e.memberId)) continue;
    // A lead's step that seats the member counts only if its author's copy knew them as lead.
    const counts = held
      ? !(isLeadStep(e) && seats(e, event) && leadStepRefusal(seen, e, leadsSeen))
      : pushesOut(e, event);
    if (counts) dutyStep(seen, e);
  }
  return Object.hasOwn(seen.signups, event.memberId) ? { code: 'has_place' } : undefined;
}

function isDutyEvent(e: AppEvent): e is DutyEvent {
  return e.type.startsWith('roster.') && 'dutyId' in e;
}

/** A lead's step that can only seat the member judged, or make room for them. */
function seats(e: DutyEvent, standby: EventOf<'roster.standby'>): boolean {
  if (e.type === 'roster.duty.slots-raised') return true;
  if (!('memberId' in e)) return false;
  return e.memberId === standby.memberId
    ? e.type === 'roster.standby.undone' || e.type === 'roster.attendance.corrected'
    : e.type === 'roster.standby';
}

/**
 * A lead's step the standby's past lacks that its author may have held, and that can only move the
 * member judged out: a standby on them by someone else, another's standby taken back or time
 * corrected. A standby on them by the standby's own author that the past lacks was not in the copy
 * they tapped in: there it would have shown them on standby, not over-full.
 */
function pushesOut(e: DutyEvent, standby: EventOf<'roster.standby'>): boolean {
  if (!isLeadStep(e) || !('memberId' in e)) return false;
  return e.memberId === standby.memberId
    ? e.type === 'roster.standby' && e.by !== standby.by
    : e.type === 'roster.standby.undone' || e.type === 'roster.attendance.corrected';
}
