import type { EventOf } from '../events/index.ts';
import { leadOrCommitteeSteps, type rosterEvents } from '../events/roster.ts';
import { exhaustive } from '../rooms.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import { shiftMinutes } from './dutyHours.ts';
import type { DutyState } from './rosters.ts';
import { isNewer, type Stamp } from './stamp.ts';

/**
 * A duty's sign-ups and places: each member's steps (sign-ups, withdrawals, check-ins and outs,
 * corrections, standby), the sign-up they make, and who of them holds one of the duty's places.
 */

type RosterEvent = EventOf<(typeof rosterEvents)[number]['entries']['type']['literal']>;
/** The events a duty takes after its creation. */
export type DutyEvent = Exclude<RosterEvent, { type: `roster.team.${string}` | 'roster.duty.created' }>;
/** A step the team's lead or a committee member writes, `as` says which. */
export type LeadStep = EventOf<(typeof leadOrCommitteeSteps)[number]>;

const leadSteps: ReadonlySet<string> = new Set(leadOrCommitteeSteps);
export const isLeadStep = (e: { type: string }): e is LeadStep => leadSteps.has(e.type);

/**
 * Why a lead's or committee member's step is ignored: it names another team than the duty's, or is
 * made as lead by someone who never led the team (`leaders`).
 */
export function leadStepRefusal(duty: DutyState, e: LeadStep, leaders: readonly string[]): AnomalyReason | undefined {
  if (duty.teamId !== e.teamId) return { code: 'no_such', thing: 'team' };
  return e.as === 'lead' && !leaders.includes(e.by) ? { code: 'not_lead' } : undefined;
}

/** A lead's or committee member's times for a shift, which count instead of the phone's. */
export interface AttendanceCorrection {
  eventId: string;
  by: string;
  at: number;
  as: 'lead' | 'committee';
  reason: string;
  checkedInAt: number;
  checkedOutAt: number;
}

export interface Signup {
  /** When the sign-up holding its place was made: the earliest since the member last withdrew. */
  at: number;
  /** That sign-up's event: with `at`, it ranks the member for a place. */
  eventId: string;
  /** The phone's check-in and check-out times (the earliest of each), kept as they were after a correction. */
  checkedInAt: number | null;
  checkedOutAt: number | null;
  /** Minutes served: at check-out from the phone's times, or from the latest correction's. */
  minutes: number | null;
  /** The check-in or check-out was made offline, so only the phone vouches for its time. */
  phoneTime: boolean;
  /** The latest correction, if any. */
  correction: AttendanceCorrection | null;
  /** Set to standby (候补) by the lead or a committee member since this sign-up: holds no place. */
  standby?: true;
}

/** When one of a member's steps on a duty was written, and what it carried. */
export interface DutyStep extends Stamp {
  /** Written offline: only the phone vouches for its time (check-in and check-out). */
  offline?: boolean;
  /** The minutes a check-out claimed. */
  minutes?: number;
}

/**
 * Every sign-up, withdrawal, check-in and check-out of one member on a duty, each list in (at, id)
 * order. The member's `Signup` is worked out from them, so two phones of one member fold alike
 * whichever order Yjs merged their events in.
 */
export interface MemberSteps {
  signedUp: DutyStep[];
  withdrew: DutyStep[];
  checkedIn: DutyStep[];
  checkedOut: DutyStep[];
  correction: AttendanceCorrection | null;
  /** Set to standby (`roster.standby`); absent in states folded before it existed. */
  standby?: DutyStep[];
  /** Standby taken back (`roster.standby.undone`): the latest of the two by (at, id) holds. */
  standbyUndone?: DutyStep[];
}

/**
 * Applies one member's step on a duty (or a cancellation) and seats the member again; returns why
 * it is ignored instead. The team-level checks (a lead's standing) are the caller's.
 */
export function dutyStep(duty: DutyState, e: DutyEvent): AnomalyReason | undefined {
  if (e.type === 'roster.duty.cancelled') {
    // Cancelled on two phones at once: the earlier by (at, id) gives the reason, wherever it landed.
    const first = duty.cancelled === null || earlier({ at: e.at, eventId: e.id }, duty.cancelled);
    duty.status = 'cancelled';
    if (first) {
      duty.cancelled = { at: e.at, eventId: e.id };
      duty.cancelReason = e.reason;
    }
    return undefined;
  }
  if (e.type === 'roster.duty.slots-raised') {
    raisePlaces(duty, e);
    return undefined;
  }
  const held = duty.steps[e.memberId];
  const { at, id: eventId } = e;
  let next: MemberSteps;
  // Repeats (two phones, a double tap) are kept, not flagged: the earliest of each counts, wherever it landed.
  switch (e.type) {
    case 'roster.signed-up':
      next = held
        ? { ...held, signedUp: withStep(held.signedUp, { at, eventId }) }
        : { signedUp: [{ at, eventId }], withdrew: [], checkedIn: [], checkedOut: [], correction: null };
      break;
    case 'roster.withdrew':
      if (!held) return { code: 'not_signed_up' };
      next = { ...held, withdrew: withStep(held.withdrew, { at, eventId }) };
      break;
    case 'roster.checked-in':
      if (!held) return { code: 'not_signed_up' };
      next = { ...held, checkedIn: withStep(held.checkedIn, { at, eventId, offline: e.offline === true }) };
      break;
    case 'roster.checked-out':
      if (!held || held.checkedIn.length === 0) return { code: 'not_checked_in' };
      next = {
        ...held,
        checkedOut: withStep(held.checkedOut, { at, eventId, offline: e.offline === true, minutes: e.minutes }),
      };
      break;
    case 'roster.standby':
      if (!held) return { code: 'not_signed_up' };
      next = { ...held, standby: withStep(held.standby ?? [], { at, eventId }) };
      break;
    case 'roster.standby.undone':
      if (!held) return { code: 'not_signed_up' };
      next = { ...held, standbyUndone: withStep(held.standbyUndone ?? [], { at, eventId }) };
      break;
    case 'roster.attendance.corrected': {
      if (!held) return { code: 'not_signed_up' };
      const { by, as, reason, checkedInAt, checkedOutAt } = e;
      // Two corrections made offline: the later by (at, id) counts, whatever the log's order.
      if (!isNewer(at, eventId, held.correction)) return undefined;
      next = { ...held, correction: { eventId, by, at, as, reason, checkedInAt, checkedOutAt } };
      break;
    }
    default:
      return exhaustive(e);
  }
  duty.steps[e.memberId] = next;
  seat(duty, e.memberId, signupOf(duty, next));
  return undefined;
}

const earlier = (a: Stamp, b: Stamp) => a.at < b.at || (a.at === b.at && a.eventId < b.eventId);

/** A copy of `steps` with `step` in its (at, id) place (a published duty shares the list). */
function withStep(steps: readonly DutyStep[], step: DutyStep): DutyStep[] {
  let i = steps.length;
  while (i > 0 && earlier(step, steps[i - 1] as DutyStep)) i--;
  // Not `toSpliced`: the app's build targets ES2022, and phones' older WebViews lack ES2023 methods.
  const out = steps.slice();
  if (i === out.length) out.push(step);
  else out.splice(i, 0, step);
  return out;
}

/** A member's sign-up as their steps make it, or undefined if they withdrew and served no time. */
function signupOf(duty: DutyState, s: MemberSteps): Signup | undefined {
  const served = s.checkedIn.length > 0 || s.correction !== null;
  const left = s.withdrew.at(-1);
  const since = left ? s.signedUp.find((x) => earlier(left, x)) : s.signedUp[0];
  // Time served is a fact: a withdrawal from another phone does not take the place of one who came.
  const holding = since ?? (served ? s.signedUp.at(-1) : undefined);
  if (!holding) return undefined;
  const checkIn = s.checkedIn[0];
  const checkOut = checkIn && s.checkedOut[0];
  const c = s.correction;
  // Standby set after the sign-up holding the place (a new sign-up after a withdrawal is a fresh
  // one), and not taken back since: of a standby and its undoing, the later by (at, id) holds.
  const set = s.standby?.at(-1);
  const undone = s.standbyUndone?.at(-1);
  const standby = set !== undefined && earlier(holding, set) && (undone === undefined || earlier(undone, set));
  return {
    at: holding.at,
    eventId: holding.eventId,
    checkedInAt: checkIn?.at ?? null,
    checkedOutAt: checkOut?.at ?? null,
    minutes: shiftMinutes(duty, checkIn, checkOut, c),
    phoneTime: checkIn?.offline === true || checkOut?.offline === true,
    correction: c,
    ...(standby ? { standby: true as const } : {}),
  };
}

/**
 * Puts a member's sign-up (or none) among the duty's, then gives the places to the earliest by
 * (at, id): two phones offline taking the last place leave the same one over-full in every merge
 * order. The relay refuses a sign-up whose author saw the duty full (`rosterRefusal.ts`), so a
 * backdated one cannot take a place it knew was gone.
 */
function seat(duty: DutyState, memberId: string, signup: Signup | undefined): void {
  // A check-in, check-out or correction leaves the sign-up's rank as it was, so it keeps its seat
  // (the records are the draft's own copies, see snapshot.ts).
  duty.standby ??= {};
  const standby = duty.standby;
  const seated = duty.signups[memberId]
    ? duty.signups
    : duty.overfull[memberId]
      ? duty.overfull
      : standby[memberId]
        ? standby
        : undefined;
  const current = seated?.[memberId];
  if (
    signup &&
    seated &&
    current &&
    current.at === signup.at &&
    current.eventId === signup.eventId &&
    (seated === standby) === (signup.standby === true)
  ) {
    seated[memberId] = signup;
    return;
  }
  if (signup && !seated && !signup.standby && ranksLast(duty, signup)) {
    // The latest sign-up (nearly every one) takes the next place, or the end of the over-full list.
    if (count(duty.signups) < duty.slots) duty.signups[memberId] = signup;
    else duty.overfull[memberId] = signup;
    duty.freeSlots = Math.max(0, duty.slots - count(duty.signups) - count(duty.overfull));
    return;
  }
  const all = [...Object.entries(duty.signups), ...Object.entries(duty.overfull)].filter(([m]) => m !== memberId);
  delete standby[memberId];
  // A standby holds no place: the places go to the earliest of the others.
  if (signup?.standby) standby[memberId] = signup;
  else if (signup) all.push([memberId, signup]);
  rank(duty, all);
}

/** Gives the duty's places to the earliest of `all` by (at, id); the rest are over-full. */
function rank(duty: DutyState, all: [memberId: string, signup: Signup][]): void {
  all.sort(([, a], [, b]) => (earlier(a, b) ? -1 : 1));
  duty.signups = Object.fromEntries(all.slice(0, duty.slots));
  duty.overfull = Object.fromEntries(all.slice(duty.slots));
  duty.freeSlots = Math.max(0, duty.slots - all.length);
}

/**
 * Places only grow: the largest number a raise names holds, and of the raises naming it the earliest
 * by (at, id) is the one shown, whatever the merge order. The over-full take the new places.
 */
function raisePlaces(duty: DutyState, e: EventOf<'roster.duty.slots-raised'>): void {
  const raise = { by: e.by, at: e.at, eventId: e.id };
  if (e.slots > duty.slots) duty.raised = { ...raise, from: duty.raised?.from ?? duty.slots };
  else if (e.slots === duty.slots && duty.raised && earlier(raise, duty.raised))
    duty.raised = { ...duty.raised, ...raise };
  else return;
  duty.slots = e.slots;
  rank(duty, [...Object.entries(duty.signups), ...Object.entries(duty.overfull)]);
}

/** True if `signup` ranks after every one the duty holds, by (at, id). */
function ranksLast(duty: DutyState, signup: Signup): boolean {
  for (const memberId in duty.signups) if (!earlier(duty.signups[memberId] as Signup, signup)) return false;
  for (const memberId in duty.overfull) if (!earlier(duty.overfull[memberId] as Signup, signup)) return false;
  return true;
}

function count(signups: Record<string, Signup>): number {
  let n = 0;
  for (const _ in signups) n++;
  return n;
}
