import { type DutyState, servedMinutes, weeklyDays } from '../../../shared/folds/index.ts';
import { appendPublic, appendPublicEvents, optional, publicEvent } from '../../domain/appendPublic.ts';
import { relayNow } from '../../domain/clock.ts';
import type { CompoundSession } from '../../domain/session.ts';

export interface TeamInput {
  name: string;
  purpose?: string;
  leaderId?: string;
}

/** Appends a `roster.team.created`; the event's id is the team's. */
export function createTeam(session: CompoundSession, input: TeamInput): string {
  return appendPublic(session, 'roster.team.created', {
    name: input.name.trim(),
    ...optional('purpose', input.purpose),
    ...optional('leaderId', input.leaderId),
  });
}

export interface DutyInput {
  teamId: string;
  title?: string;
  day: string;
  start: string;
  end: string;
  place: string;
  slots: number;
  /** 1 for a one-off duty; N for the same weekday N weeks running. */
  weeks: number;
}

/**
 * Appends one `roster.duty.created` per occurrence (a weekly duty is N duties, each signed up
 * for, cancelled and checked into on its own); returns the first duty's id.
 */
export function createDuties(session: CompoundSession, input: DutyInput): string {
  const ids = weeklyDays(input.day, input.weeks).map((day) =>
    appendPublic(session, 'roster.duty.created', {
      teamId: input.teamId,
      ...optional('title', input.title),
      day,
      start: input.start,
      end: input.end,
      place: input.place.trim(),
      slots: input.slots,
    }),
  );
  return ids[0] ?? '';
}

export function cancelDuty(session: CompoundSession, dutyId: string, reason: string): void {
  appendPublic(session, 'roster.duty.cancelled', { dutyId, reason: reason.trim() });
}

const me = (session: CompoundSession) => session.member.memberId;

export function signUp(session: CompoundSession, dutyId: string): void {
  appendPublic(session, 'roster.signed-up', { dutyId, memberId: me(session) });
}

export function withdraw(session: CompoundSession, dutyId: string): void {
  appendPublic(session, 'roster.withdrew', { dutyId, memberId: me(session) });
}

/** Marks a check-in or out made away from the relay: only the phone vouches for its time. */
const offline = (session: CompoundSession) =>
  session.doc('public').connection() === 'connected' ? {} : { offline: true as const };

/** Checks in at the place (signing up first for a walk-in); the time is this phone's. */
export function checkIn(session: CompoundSession, dutyId: string, signedUp: boolean): void {
  if (!signedUp) signUp(session, dutyId);
  appendPublic(session, 'roster.checked-in', { dutyId, memberId: me(session), ...offline(session) });
}

/** Checks out; the minutes served run from the check-in to now (the phone's time, set by the relay's). */
export function checkOut(session: CompoundSession, dutyId: string, checkedInAt: number): void {
  appendPublic(session, 'roster.checked-out', {
    dutyId,
    memberId: me(session),
    minutes: servedMinutes(checkedInAt, relayNow()),
    ...offline(session),
  });
}

/**
 * Settles an over-full duty: 改为候补 (`standby`: the member waits, holding no place) or 取消候补 (they
 * rank for a place again by their sign-up); `as` as for a correction. Of a member's standbys and
 * undoings the latest by (at, id) holds, so the new one is stamped after the latest of the other
 * kind: a standby a fast clock stamped ahead (the relay takes up to a day) is still taken back,
 * which a stamp of now, kept off such stamps (`stampAfter`), would not do.
 */
export function setStandby(
  session: CompoundSession,
  duty: DutyState,
  memberId: string,
  as: 'lead' | 'committee',
  standby: boolean,
): void {
  const type = standby ? 'roster.standby' : 'roster.standby.undone';
  const event = publicEvent(session, type, { dutyId: duty.id, teamId: duty.teamId, memberId, as });
  const steps = duty.steps[memberId];
  const last = (standby ? steps?.standbyUndone : steps?.standby)?.at(-1);
  appendPublicEvents(session, [last && last.at >= event.at ? { ...event, at: last.at + 1 } : event]);
}

/** 增加名额: raises the duty's places to `slots` (places only grow); `as` as for a correction. */
export function raisePlaces(session: CompoundSession, duty: DutyState, slots: number, as: 'lead' | 'committee'): void {
  appendPublic(session, 'roster.duty.slots-raised', { dutyId: duty.id, teamId: duty.teamId, slots, as });
}

export interface CorrectionInput {
  memberId: string;
  checkedInAt: number;
  checkedOutAt: number;
  reason: string;
  /** In which capacity: the team's lead, or a committee member. */
  as: 'lead' | 'committee';
}

/** Sets a volunteer's check-in and out times on a duty, with the reason; their phone's times stay on record. */
export function correctAttendance(session: CompoundSession, duty: DutyState, input: CorrectionInput): void {
  appendPublic(session, 'roster.attendance.corrected', {
    dutyId: duty.id,
    teamId: duty.teamId,
    ...input,
    reason: input.reason.trim(),
  });
}
