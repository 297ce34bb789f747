import * as v from 'valibot';
import { PartySchema } from '../roles.ts';
import { Day, Timestamp } from '../time.ts';
import { defineEvent, EventRef, Int, Line, List, MeetingId, MemberId, Tally, Text } from './envelope.ts';
import { Owner } from './request.ts';

/** 小板凳见面会, 家园议事会, 三方联席会议 (at least quarterly), 业主大会 (yearly). */
export const meetingKinds = ['little-stool', 'council', 'three-party', 'owners-assembly'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** A meeting in the public document; its minutes live in the `minutes-<meetingId>` document. */
export const MeetingScheduled = defineEvent('meeting.scheduled', {
  meetingId: MeetingId,
  kind: v.picklist(meetingKinds),
  startsAt: Timestamp,
  place: Line(100),
  title: v.optional(Line(100)),
});

export const MeetingCancelled = defineEvent('meeting.cancelled', {
  meetingId: MeetingId,
  reason: Line(500),
});

/**
 * The committee's order of a meeting's topics (request ids, first to take up first). The latest by
 * (at, id) holds; topics it leaves out follow the ordered ones.
 */
export const MeetingTopicsOrdered = defineEvent('meeting.topics.ordered', {
  meetingId: MeetingId,
  requestIds: List(EventRef, 500),
});

/** An attendee: a member (with the party they sit for) or a guest written down by name. */
export const Attendee = v.union([
  v.strictObject({ memberId: MemberId, party: v.union([PartySchema, v.literal('none')]) }),
  v.strictObject({ name: Line(60), party: v.union([PartySchema, v.literal('none')]) }),
]);
export type Attendee = v.InferOutput<typeof Attendee>;

export const AttendeeSignedIn = defineEvent('minutes.signed-in', { attendee: Attendee });

/** An agenda request discussed at the meeting. */
export const ItemTakenUp = defineEvent('minutes.item.taken-up', {
  requestId: EventRef,
  note: v.optional(Text(1000)),
});

/** An owners' assembly's matters: ordinary, or art. 278's items six to eight (repair funds, rebuilding, common parts). */
export const assemblyMatters = ['ordinary', 'major'] as const;
export type AssemblyMatter = (typeof assemblyMatters)[number];

const Area = Int(0, 1_000_000_000_000);
const Owners = Int(0, 100_000);

/**
 * An owners' assembly's 双过半 count as recorded: exclusive area (hundredths of m²) and owners by
 * number voting for and against, out of those taking part; the rest of those taking part abstained.
 */
export const AssemblyTally = v.pipe(
  v.strictObject({
    matter: v.picklist(assemblyMatters),
    areaFor: Area,
    areaAgainst: Area,
    areaTakingPart: Area,
    ownersFor: Owners,
    ownersAgainst: Owners,
    ownersTakingPart: Owners,
  }),
  v.check(
    (t) => t.areaFor + t.areaAgainst <= t.areaTakingPart && t.ownersFor + t.ownersAgainst <= t.ownersTakingPart,
    'more votes than taking part',
  ),
);
export type AssemblyTally = v.InferOutput<typeof AssemblyTally>;

/** A decision; at an owners' assembly `assembly` holds the 双过半 count and `tally` the owners by number. */
export const DecisionRecorded = defineEvent('minutes.decision.recorded', {
  text: Line(2000),
  tally: v.optional(Tally),
  assembly: v.optional(AssemblyTally),
  requestId: v.optional(EventRef),
});

/**
 * 以这条为准: of two or more decisions the minutes hold on one request, the one that stands; the others
 * are shown as superseded (已被取代). Of two written at once, the earlier by (at, id) counts.
 */
export const DecisionUpheld = defineEvent('minutes.decision.upheld', { decisionId: EventRef });

/** An action item; with a requestId it becomes the request's assignment (see applyActionItems). */
export const ActionCreated = defineEvent('minutes.action.created', {
  text: Line(1000),
  owner: Owner,
  deadline: Day,
  requestId: v.optional(EventRef),
});

/**
 * An action item marked done by its owner (the member, or a member of the party) or the committee.
 * It carries the item's owner so the relay checks who may mark it; a mark is not an edit of the minutes.
 */
export const ActionDone = defineEvent('minutes.action.done', {
  actionId: EventRef,
  owner: Owner,
});

/** A party's representative signs the minutes; only a member of that party may. */
export const MinutesSignedOff = defineEvent('minutes.signed-off', { party: PartySchema });

/** A change after sign-off, kept visible as an amendment. */
export const MinutesAmended = defineEvent('minutes.amended', { note: Line(2000) });

export const meetingEvents = [MeetingScheduled, MeetingCancelled, MeetingTopicsOrdered] as const;
export const minutesEvents = [
  AttendeeSignedIn,
  ItemTakenUp,
  DecisionRecorded,
  DecisionUpheld,
  ActionCreated,
  ActionDone,
  MinutesSignedOff,
  MinutesAmended,
] as const;
