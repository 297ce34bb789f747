import * as v from 'valibot';
import { Day, Timestamp } from '../time.ts';
import { ClockTime, defineEvent, EventRef, Int, Line, MemberId, Text } from './envelope.ts';

/** A volunteer team, e.g. the one that carries elderly neighbours downstairs (背老人下楼). Its id is this event's id. */
export const TeamCreated = defineEvent('roster.team.created', {
  name: Line(60),
  purpose: v.optional(Text(500)),
  leaderId: v.optional(MemberId),
});

export const TeamEdited = defineEvent('roster.team.edited', {
  teamId: EventRef,
  name: v.optional(Line(60)),
  purpose: v.optional(Text(500)),
  leaderId: v.optional(MemberId),
});

/** The most places a duty may have, as created or raised. */
export const MAX_SLOTS = 500;

/** One shift of a team on a day, from `start` to `end` (HH:MM, Asia/Shanghai), with a number of slots. */
export const DutyCreated = defineEvent('roster.duty.created', {
  teamId: EventRef,
  title: v.optional(Line(100)),
  day: Day,
  start: ClockTime,
  end: ClockTime,
  place: Line(100),
  slots: Int(1, MAX_SLOTS),
});

export const DutyCancelled = defineEvent('roster.duty.cancelled', {
  dutyId: EventRef,
  reason: Line(500),
});

/** A member takes a slot (for themself; committee members may record it for someone on paper). */
export const SignedUp = defineEvent('roster.signed-up', {
  dutyId: EventRef,
  memberId: MemberId,
});

/** A member gives their slot back before checking in. */
export const Withdrew = defineEvent('roster.withdrew', {
  dutyId: EventRef,
  memberId: MemberId,
});

/** Starts a shift at the phone's time; `offline` marks one made without the relay, so nothing vouched for the time. */
export const CheckedIn = defineEvent('roster.checked-in', {
  dutyId: EventRef,
  memberId: MemberId,
  offline: v.optional(v.literal(true)),
});

/** Ends a shift; `minutes` is the time served, in whole minutes. */
export const CheckedOut = defineEvent('roster.checked-out', {
  dutyId: EventRef,
  memberId: MemberId,
  minutes: Int(1, 1440),
  offline: v.optional(v.literal(true)),
});

/** Who corrects a check-in: the lead of the duty's team, or a committee member. */
export const correctors = ['lead', 'committee'] as const;

/**
 * Sets a volunteer's check-in and check-out times on a duty, with the reason; the phone's times
 * stay on record beside it. `as` says in which capacity (a lead needs no committee role).
 */
export const AttendanceCorrected = defineEvent('roster.attendance.corrected', {
  dutyId: EventRef,
  /** The duty's team, whose lead may correct. */
  teamId: EventRef,
  memberId: MemberId,
  checkedInAt: Timestamp,
  checkedOutAt: Timestamp,
  reason: Line(200),
  as: v.picklist(correctors),
});

/**
 * Settles an over-full duty: the member waits as standby (候补), not counted in the places; they may
 * still check in and out (someone did not come), and their time counts. Signing up again after a
 * withdrawal makes them a volunteer like any other. `as` says in which capacity, as for a correction.
 */
export const MadeStandby = defineEvent('roster.standby', {
  dutyId: EventRef,
  /** The duty's team, whose lead may settle it. */
  teamId: EventRef,
  memberId: MemberId,
  as: v.picklist(correctors),
});

/**
 * Takes back a standby (取消候补): the member's sign-up ranks for a place again, as if the standby had
 * not been set (a place if one is free, else over-full). The latest of a member's standby and its
 * undoing by (at, id) holds. `as` as for a correction.
 */
export const StandbyUndone = defineEvent('roster.standby.undone', {
  dutyId: EventRef,
  teamId: EventRef,
  memberId: MemberId,
  as: v.picklist(correctors),
});

/**
 * Raises a duty's places to `slots` (增加名额), e.g. when more came than there were places (the last
 * place taken twice offline). Places only grow: the largest number any raise names holds, so two
 * phones settling one over-full duty write the same number and it counts once. `as` as for a
 * correction.
 */
export const SlotsRaised = defineEvent('roster.duty.slots-raised', {
  dutyId: EventRef,
  /** The duty's team, whose lead may raise its places. */
  teamId: EventRef,
  slots: Int(2, MAX_SLOTS),
  as: v.picklist(correctors),
});

export const rosterEvents = [
  TeamCreated,
  TeamEdited,
  DutyCreated,
  DutyCancelled,
  SignedUp,
  Withdrew,
  CheckedIn,
  CheckedOut,
  AttendanceCorrected,
  MadeStandby,
  StandbyUndone,
  SlotsRaised,
] as const;

/** What the team's lead (checked against the team's leads) or a committee member writes, as `as` says. */
export const leadOrCommitteeSteps = [
  'roster.duty.slots-raised',
  'roster.attendance.corrected',
  'roster.standby',
  'roster.standby.undone',
] as const;
