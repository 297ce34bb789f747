import * as v from 'valibot';
import { Day, shanghaiDay } from '../time.ts';
import { defineEvent, EventRef, Line, MemberId, Text } from './envelope.ts';

/** Why a household is visited; sensitive, so care events live in the committee document only. */
export const careReasons = ['elderly-alone', 'disabled', 'ill', 'left-behind-child', 'low-income', 'other'] as const;
export type CareReason = (typeof careReasons)[number];

/** 日访、周访、半月访、月访; the committee's form offers the last three. */
export const cadences = ['daily', 'weekly', 'fortnightly', 'monthly'] as const;
export type Cadence = (typeof cadences)[number];

/**
 * A vulnerable household to visit regularly. Its id is this event's id. Without a visitor, its
 * visits fall to the whole committee; `lastVisitedOn` carries over the last visit of a paper list.
 */
export const HouseholdRegistered = defineEvent('care.household.registered', {
  label: Line(60),
  building: Line(40),
  unit: v.optional(Line(20)),
  reasonCategory: v.picklist(careReasons),
  cadence: v.picklist(cadences),
  visitorId: v.optional(MemberId),
  lastVisitedOn: v.optional(Day),
  note: v.optional(Text(1000)),
});

/**
 * A visit, with a short note; `needs` is a concern to follow up (its presence is the concern flag).
 * `day` is the Asia/Shanghai day of the visit when it was written down later (补记); absent, the
 * visit was on the day of `at`. The relay refuses a `day` after the day of `at` or more than
 * `MAX_VISIT_DAYS_BACK` days before it (`visitDayRule` in shared/rules/permissions.ts).
 */
export const VisitLogged = defineEvent('care.visit.logged', {
  householdId: EventRef,
  note: Text(1000),
  needs: v.optional(Text(1000)),
  day: v.optional(Day),
});

/**
 * How many days back a visit may be written down (补记): a month, the longest cadence the committee
 * offers, so a visit to a monthly household noted late still counts; older than that, the next
 * visit is long due and a wrong year or month typed into the date would move it for good.
 */
export const MAX_VISIT_DAYS_BACK = 31;

/** The Asia/Shanghai day a visit was made: its `day`, else the day it was written. */
export const visitDay = (e: { at: number; day?: string | undefined }): string => e.day ?? shanghaiDay(e.at);

/** Hands a household's visits to another committee member, or (no visitor) to the whole committee. */
export const VisitorAssigned = defineEvent('care.visitor.assigned', {
  householdId: EventRef,
  visitorId: v.optional(MemberId),
});

export const HouseholdClosed = defineEvent('care.household.closed', {
  householdId: EventRef,
  reason: Line(500),
});

export const careEvents = [HouseholdRegistered, VisitLogged, VisitorAssigned, HouseholdClosed] as const;
